package ru.voronka.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.NewDeal.NewClient;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.process.SalesFunnelProcess.Tasks;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.directory.EmployeeRepository;
import ru.voronka.directory.Group;
import ru.voronka.directory.Staff;
import ru.voronka.directory.Staff.NewEmployee;

@Component
@ConditionalOnProperty(name = "voronka.demo.enabled", havingValue = "true")
class DemoData {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Staff staff;
  private final EmployeeRepository employees;
  private final DealService deals;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  private final Clock clock;

  DemoData(Staff staff, EmployeeRepository employees, DealService deals,
      TaskService tasks, RuntimeService runtime, ManagementService management, Clock clock) {
    this.clock = clock;
    this.staff = staff;
    this.employees = employees;
    this.deals = deals;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void load() {
    if (employees.count() > 0) {
      return;
    }
    long started = System.currentTimeMillis();
    hireEveryone();
    Viewer rop = Viewer.of("smirnova", List.of(Group.HEAD_OF_SALES.id()));
    openDeals(rop);
    log.info("Demo data loaded in {} ms: users (password «{}»), clients and deals at several stages",
        System.currentTimeMillis() - started, PASSWORD);
  }

  private void hireEveryone() {
    hire("petrov", "Алексей", "Петров", "Менеджер по продажам", "Отдел продаж", Group.MANAGERS, "+7 (495) 649-84-40", "+7 916 100-20-01", "МТС");
    hire("sidorova", "Мария", "Сидорова", "Менеджер по продажам", "Отдел продаж", Group.MANAGERS, "+7 (495) 649-84-41", "+7 926 100-20-02", "МегаФон");
    hire("kuznetsov", "Дмитрий", "Кузнецов", "Менеджер по продажам", "Отдел продаж", Group.MANAGERS, "+7 (495) 649-84-42", "+7 903 100-20-03", "Билайн");
    hire("smirnova", "Елена", "Смирнова", "Руководитель отдела продаж", "Отдел продаж", Group.HEAD_OF_SALES, "+7 (495) 649-84-47", "+7 916 100-20-04", "МТС");
    hire("volkov", "Игорь", "Волков", "Логист", "Логистика", Group.LOGISTS, null, "+7 916 100-20-05", "МТС");
    hire("orlov", "Павел", "Орлов", "Инженер", "Инженерная служба", Group.ENGINEERS, null, "+7 916 100-20-06", "МТС");
    hire("belova", "Ольга", "Белова", "Закупщик", "Отдел закупок", Group.PURCHASERS, null, "+7 916 100-20-07", "МТС");
    hire("zaitsev", "Николай", "Зайцев", "Начальник производства", "Производство", Group.PRODUCTION, null, "+7 916 100-20-08", "МТС");
    hire("morozova", "Анна", "Морозова", "Юрист", "Юридический отдел", Group.LAWYERS, null, "+7 916 100-20-09", "МТС");
    hire("lebedev", "Сергей", "Лебедев", "Метролог", "Метрологическая служба", Group.METROLOGISTS, null, "+7 916 100-20-10", "МТС");
    hire("sokolova", "Татьяна", "Соколова", "Бухгалтер", "Бухгалтерия", Group.ACCOUNTANTS, null, "+7 916 100-20-11", "МТС");
    hire("fedorov", "Артём", "Федоров", "Процессный аналитик", "ИТ", Group.ANALYSTS, null, "+7 916 100-20-12", "МТС");
    hire("demoadmin", "Ксения", "Администратор", "Администратор CRM", "ИТ", Group.ADMINS, null, "+7 916 100-20-13", "МТС");
    // Desk phones on the (simulated) PBX: the softphone page rings them.
    Map.of("petrov", "101", "sidorova", "102", "kuznetsov", "103", "smirnova", "100").forEach((userId, extension) ->
        employees.findByUserId(userId).ifPresent(e -> employees.save(e.useExtension(extension))));
  }

  private void hire(String userId, String firstName, String lastName, String position, String department, Group group,
      String officePhone, String mobile, String carrier) {
    staff.hire(new NewEmployee(userId, PASSWORD, firstName, lastName, position, department, List.of(group), officePhone, mobile,
        carrier, userId + "@voronka.local"));
  }

  private void openDeals(Viewer rop) {
    Deal gauges = create("Манометры для котельной", client("ООО «ТехноПром»", "7701234560", "Москва", "Иванов Сергей", "+7 (999) 888-55-22"),
        "120000", "Россия, Москва");
    create("Запорная арматура Ду50", client("ИП Гончаров В. А.", null, "Тверь", "Гончаров Виктор", "8 915 222-33-44"), "95000", "Россия, Тверь");

    Deal valves = create("Поставка обратных клапанов", client("АО «СевЗапЭнерго»", "7802345676", "Санкт-Петербург", "Павлова Ирина", "+7 921 555-88-22"),
        "340000", "Россия, Санкт-Петербург");
    take(valves, "petrov");

    Deal pumps = create("Насосная станция для ТЭЦ", client("ТОО «Казэнергомаш»", null, "Алматы", "Ахметов Ерлан", "+7 701 123-45-67"),
        "780000", "Казахстан");
    take(pumps, "sidorova");
    checkItems(pumps, "sidorova", "A");
    complete(pumps, Tasks.SEND_KP, "sidorova", Map.of(Vars.AMOUNT, 780000));

    Deal meter = create("Узел учёта тепла", client("ООО «Уралмет»", "6601234565", "Екатеринбург", "Соколов Андрей", "+7 912 600-70-80"),
        "620000", "Урал");
    take(meter, "petrov");
    checkItems(meter, "petrov", "B");
    complete(meter, Tasks.SEND_KP, "petrov", Map.of(Vars.AMOUNT, 620000));
    complete(meter, Tasks.GET_KP_FEEDBACK, "petrov", Map.of(Vars.KP_STATUS, "AGREED"));

    Deal sensors = create("Датчики давления", client("ООО «Теплосеть»", "5012345672", "Подольск", "Никитина Ольга", "+7 925 300-40-50"),
        "140000", "Подмосковье");
    take(sensors, "kuznetsov");
    checkItems(sensors, "kuznetsov", "C");
    complete(sensors, Tasks.SEND_KP, "kuznetsov", Map.of(Vars.AMOUNT, 140000));
    complete(sensors, Tasks.GET_KP_FEEDBACK, "kuznetsov", Map.of(Vars.KP_STATUS, "AGREED"));
    complete(sensors, Tasks.SEND_INVOICE, "kuznetsov", Map.of(Vars.PAYMENT_TERMS, "PREPAYMENT", "invoiceSigned", true));

    Deal upgrade = create("Модернизация КИПиА цеха", client("ПАО «Северсталь-Комплект»", "3528000597", "Череповец", "Громов Илья", "+7 911 700-11-22"),
        "1250000", "Северо-Запад");
    take(upgrade, "petrov");
    as("smirnova", () -> deals.changeStage(upgrade.getId(), DealStage.ACCEPTED, rop));
    settle(upgrade);

    Deal spares = create("Комплект ЗИП", client("ООО «Энергоремонт»", "7705556664", "Москва", "Белов Роман", "+7 985 444-55-66"),
        "85000", "Москва");
    take(spares, "sidorova");
    as("smirnova", () -> deals.changeStage(spares.getId(), DealStage.WON, rop));
    settle(spares);

    Deal cabinet = create("Шкаф управления насосами", client("МУП «Водоканал»", "4401001231", "Кострома", "Егоров Пётр", "+7 910 800-90-10"),
        "410000", "Россия, Кострома");
    take(cabinet, "kuznetsov");
    as("kuznetsov", () -> deals.lose(cabinet.getId(), LostReason.NO_MONEY, "Бюджет перенесён на следующий год",
        Viewer.of("kuznetsov", List.of(Group.MANAGERS.id()))));
    settle(cabinet);
    log.debug("Demo deal {} waits to be taken", gauges.getId());
  }

  private NewClient client(String name, String inn, String region, String contact, String phone) {
    return new NewClient(name, inn, region, contact, phone, null);
  }

  private Deal create(String title, NewClient client, String amount, String direction) {
    // A margin of about a fifth, as in the trade: the statistics and the ranking of managers count it.
    BigDecimal margin = new BigDecimal(amount).multiply(new BigDecimal("0.18")).setScale(0, java.math.RoundingMode.HALF_UP);
    Deal deal = as("smirnova", () -> deals.create(new NewDeal(title, null, client, new BigDecimal(amount), margin, direction,
        null, null), Viewer.of("smirnova", List.of(Group.HEAD_OF_SALES.id()))));
    settle(deal);
    return deal;
  }

  private void take(Deal deal, String manager) {
    complete(deal, Tasks.TAKE_REQUEST, manager, Map.of(Vars.TAKE_DECISION, "ACCEPT"));
  }

  private void checkItems(Deal deal, String manager, String priority) {
    complete(deal, Tasks.CHECK_ITEMS, manager, Map.of(Vars.PRIORITY, priority, Vars.CLIENT_NAME,
        deal.getCounterparty().getName(), Vars.DELIVERY_DATE, LocalDate.now(clock).plusWeeks(6).toString()));
  }

  private void complete(Deal deal, String taskKey, String userId, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal.getId()))
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Demo deal " + deal.getId() + " has no task " + taskKey);
    }
    as(userId, () -> {
      tasks.setAssignee(task.getId(), userId);
      tasks.complete(task.getId(), new HashMap<>(variables));
      return null;
    });
    settle(deal);
  }

  /** Runs the deal's due jobs here and now, so the next step finds its task. */
  private void settle(Deal deal) {
    for (int round = 0; round < 20; round++) {
      List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(deal.getId()))
          .list().stream().map(ProcessInstance::getId).toList();
      List<Job> due = instances.isEmpty() ? List.of()
          : management.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances)).executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // The job executor may have taken it first: the next round sees the result.
          log.debug("Demo job {} skipped: {}", job.getId(), e.getMessage());
        }
      }
    }
  }

  private <T> T as(String userId, java.util.function.Supplier<T> work) {
    var context = SecurityContextHolder.getContext();
    var previous = context.getAuthentication();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, List.of()));
    try {
      return work.get();
    } finally {
      context.setAuthentication(previous);
    }
  }
}
