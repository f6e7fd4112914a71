package ru.voronka.telephony;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** «Позвонить» (COM-2, TEL-1) through the PBX: the employee's desk phone first, then the client. */
@Component
class PbxClickToCall implements ClickToCall {

  private final Directory directory;
  private final ObjectProvider<Pbx> pbx; // lazily: the PBX reports calls to the journal, which writes to the chats that call here

  PbxClickToCall(Directory directory, ObjectProvider<Pbx> pbx) {
    this.directory = directory;
    this.pbx = pbx;
  }

  @Override
  public void dial(String employeeUserId, String number) {
    Employee employee = directory.requireEmployee(employeeUserId);
    if (employee.getExtension() == null) {
      throw new DomainException(Kind.INVALID, "У вас не указан внутренний номер телефона: обратитесь к администратору");
    }
    Pbx phones = pbx.getIfAvailable();
    if (phones == null) {
      throw new DomainException(Kind.CONFLICT, "АТС не подключена: позвоните с телефона");
    }
    try {
      phones.originate(employee.getExtension(), number);
    } catch (Pbx.PbxException e) {
      throw new DomainException(Kind.CONFLICT, "АТС не приняла звонок: " + e.getMessage());
    }
  }
}
