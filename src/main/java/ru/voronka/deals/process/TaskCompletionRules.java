package ru.voronka.deals.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import ru.voronka.deals.ProcessValues;
import ru.voronka.deals.process.SalesFunnelProcess.Tasks;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The server side of the forms' «Обязательные поля»: Camunda Forms check in the browser, these
 * rules check every completion, whether it comes from Tasklist, our API or the engine's REST.
 */
@Component
public class TaskCompletionRules {

  private final Map<String, Function<Function<String, Object>, List<String>>> rules = Map.ofEntries(
      Map.entry(Tasks.TAKE_REQUEST, v -> {
        List<String> errors = new ArrayList<>();
        Object decision = v.apply(Vars.TAKE_DECISION);
        if (!"ACCEPT".equals(decision) && !"REFUSE".equals(decision)) {
          errors.add("Выберите: принять заявку или отказаться");
        } else if ("REFUSE".equals(decision) && ProcessValues.text(v.apply(Vars.REFUSAL_REASON)) == null) {
          errors.add("Укажите причину отказа");
        }
        return errors;
      }),
      Map.entry(Tasks.CHECK_ITEMS, v -> required(v, Map.of(Vars.PRIORITY, "Приоритет (A/B/C)",
          Vars.CLIENT_NAME, "Клиент", Vars.DELIVERY_DATE, "Срок поставки"))),
      Map.entry(Tasks.SEND_KP, v -> positive(v, Vars.AMOUNT, "Сумма КП")),
      Map.entry(Tasks.REWORK_KP, v -> positive(v, Vars.AMOUNT, "Сумма КП")),
      Map.entry(Tasks.GET_KP_FEEDBACK, v -> oneOf(v, Vars.KP_STATUS, "Статус КП", "AGREED", "NOT_AGREED")),
      Map.entry(Tasks.SEND_FOR_SIGNING, v -> concat(oneOf(v, Vars.PAYMENT_TERMS, "Оплата", "PREPAYMENT", "POSTPAYMENT"),
          checked(v, "documentsSigned", "Подтвердите, что клиент подписал счет и договор"))),
      Map.entry(Tasks.SEND_INVOICE, v -> concat(oneOf(v, Vars.PAYMENT_TERMS, "Оплата", "PREPAYMENT", "POSTPAYMENT"),
          checked(v, "invoiceSigned", "Подтвердите, что клиент подписал счет"))),
      Map.entry(Tasks.GET_PAYMENT, v -> {
        if (v.apply(Vars.PAID) == null) {
          return List.of("Отметьте, оплачен ли счет");
        }
        return ProcessValues.flag(v.apply(Vars.PAID)) ? required(v, Map.of(Vars.PAYMENT_DATE, "Дата оплаты")) : List.of();
      }),
      Map.entry(Tasks.REWORK_INVOICE, v -> positive(v, Vars.AMOUNT, "Сумма счета")),
      Map.entry(Tasks.ENTER_PAYMENT_SCHEDULE, v -> v.apply(Vars.TRANCHES) == null ? List.of("Внесите график оплаты") : List.of()),
      Map.entry(Tasks.SEND_ACTS, v -> checked(v, "actSigned", "Подтвердите, что подписанный акт получен")),
      Map.entry(Tasks.SEND_UPD, v -> checked(v, "updSigned", "Подтвердите, что подписанный УПД получен")),
      Map.entry(InternalApprovalProcess.TASK_APPROVE, v -> {
        Object decision = v.apply(InternalApprovalProcess.DECISION);
        if (!InternalApprovalProcess.APPROVED.equals(decision) && !InternalApprovalProcess.RETURNED.equals(decision)) {
          return List.of("Выберите: согласовать или вернуть на доработку");
        }
        return InternalApprovalProcess.RETURNED.equals(decision) && ProcessValues.text(v.apply(InternalApprovalProcess.COMMENT)) == null
            ? List.of("Напишите комментарий: что доработать") : List.of();
      }),
      Map.entry(PaymentControlProcess.TASK_CONFIRM_TRANCHE, v -> required(v, Map.of("paidOn", "Дата поступления оплаты"))),
      // The chat's processes: «Ответить клиенту» (COM-5) and the group join request (WA-10).
      Map.entry("Task_AnswerClient", v -> checked(v, "answered", "Отметьте, что ответ клиенту дан")),
      Map.entry("Task_ReviewJoinRequest", v -> oneOf(v, "joinDecision", "Решение", "APPROVE", "DECLINE")),
      // TEL-8: no call is closed without an order request or an event with a reminder.
      Map.entry("Task_CallFollowUp", TaskCompletionRules::callFollowUp));

  private static List<String> callFollowUp(Function<String, Object> v) {
    List<String> errors = new ArrayList<>();
    if (Boolean.FALSE.equals(v.apply("knownClient"))) {
      errors.addAll(required(v, Map.of("clientName", "Название клиента")));
      errors.addAll(oneOf(v, "readiness", "Готовность к покупке", "HOT", "NORM", "JUNK"));
    }
    Object next = v.apply("followUp");
    if ("REQUEST".equals(next)) {
      errors.addAll(required(v, Map.of("requestTitle", "Что заказывают")));
    } else if ("EVENT".equals(next)) {
      errors.addAll(oneOf(v, "eventKind", "Событие", "CALL", "LETTER", "MEETING"));
      errors.addAll(required(v, Map.of("eventDue", "Когда", "eventTitle", "Что сделать")));
    } else {
      errors.add("Выберите, что дальше: заявка на заказ или событие с напоминанием — без этого звонок не закрыть");
    }
    return errors;
  }

  /** @throws DomainException listing every missing or wrong field, in Russian */
  public void check(String taskKey, Map<String, Object> variables) {
    check(taskKey, variables::get);
  }

  /**
   * @param variable reads one variable: a task listener passes {@code task::getVariable}, since
   *     loading all of them would deserialize every JSON variable on every completion
   */
  public void check(String taskKey, Function<String, Object> variable) {
    var rule = rules.get(taskKey);
    if (rule == null) {
      return;
    }
    List<String> errors = rule.apply(variable);
    if (!errors.isEmpty()) {
      throw new DomainException(Kind.INVALID, String.join("; ", errors));
    }
  }

  private static List<String> required(Function<String, Object> v, Map<String, String> fields) {
    return fields.entrySet().stream().filter(f -> ProcessValues.text(v.apply(f.getKey())) == null)
        .map(f -> "Заполните поле «" + f.getValue() + "»").sorted().toList();
  }

  private static List<String> positive(Function<String, Object> v, String field, String label) {
    var amount = ProcessValues.money(v.apply(field), label);
    return amount == null || amount.signum() <= 0 ? List.of("Укажите «" + label + "» больше нуля") : List.of();
  }

  private static List<String> oneOf(Function<String, Object> v, String field, String label, String... allowed) {
    Object value = v.apply(field);
    return value != null && List.of(allowed).contains(value.toString()) ? List.of() : List.of("Выберите «" + label + "»");
  }

  private static List<String> checked(Function<String, Object> v, String field, String message) {
    return ProcessValues.flag(v.apply(field)) ? List.of() : List.of(message);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
