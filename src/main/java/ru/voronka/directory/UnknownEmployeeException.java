package ru.voronka.directory;

import ru.voronka.platform.web.DomainException;

public class UnknownEmployeeException extends DomainException {

  public UnknownEmployeeException(String userId) {
    super(Kind.NOT_FOUND, "Сотрудник «" + userId + "» не найден");
  }
}
