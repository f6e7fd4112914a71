package ru.voronka.automation;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.DealWork;
import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.RussianFormats;

/**
 * The parameters of a stage action's text (seed 002, item 6), written {Имя клиента}: plain
 * replacement, so a text cannot run anything; a value the deal lacks renders as nothing, never as an error.
 */
@Component
public class MessageParameters {

  /** The parameters offered in the form's list, by their title. */
  public enum Parameter {
    CLIENT_NAME("Имя клиента"),
    CLIENT_REGION("Регион клиента"),
    MAIN_CONTACT_EMAILS("Все email адреса основного контакта"),
    MAIN_CONTACT_EMAIL("Email основного контакта"),
    MAIN_CONTACT_PHONES("Все номера телефонов основного контакта"),
    MAIN_CONTACT_PHONE("Телефон основного контакта"),
    MAIN_CONTACT_NAME("Имя основного контакта"),
    DEAL_LINK("Ссылка на сделку"),
    DEAL_NUMBER("Номер сделки"),
    DEAL_TITLE("Название сделки"),
    PREVIOUS_RESPONSIBLE("Предыдущий ответственный"),
    STAGE_NAME("Название этапа"),
    TASK_DUE("Дата и время задачи"),
    RESPONSIBLE("Ответственный"),
    RESPONSIBLE_POSITION("Должность ответственного"),
    RESPONSIBLE_PHONE("Телефон ответственного"),
    RESPONSIBLE_EMAIL("Email ответственного");

    private final String title;

    Parameter(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    public String token() {
      return "{" + title + "}";
    }

    static Optional<Parameter> byTitle(String title) {
      return Arrays.stream(values()).filter(p -> p.title.equalsIgnoreCase(title.strip())).findFirst();
    }
  }

  static final Pattern TOKEN = Pattern.compile("\\{([^{}]{1,80})}");

  private final DealLinks links;
  private final DealWork work;

  MessageParameters(DealLinks links, DealWork work) {
    this.links = links;
    this.work = work;
  }

  /** The titles in braces that name no parameter: a typo the form refuses. */
  static List<String> unknown(String text) {
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    List<String> unknown = new java.util.ArrayList<>();
    while (m.find()) {
      if (Parameter.byTitle(m.group(1)).isEmpty()) {
        unknown.add(m.group());
      }
    }
    return unknown;
  }

  /** The text with every parameter replaced by the deal's value (empty when it has none). */
  public String render(String text, Deal deal) {
    Map<Parameter, String> values = values(deal);
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = Parameter.byTitle(m.group(1)).map(p -> values.getOrDefault(p, "")).orElse(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  Map<Parameter, String> values(Deal deal) {
    Map<Parameter, String> v = new LinkedHashMap<>();
    Counterparty client = deal.getCounterparty();
    Optional<Contact> main = client == null ? Optional.empty() : client.mainContact();
    v.put(Parameter.CLIENT_NAME, client == null ? "" : client.getName());
    v.put(Parameter.CLIENT_REGION, client == null ? "" : client.getRegion());
    v.put(Parameter.MAIN_CONTACT_EMAILS, main.map(c -> String.join(", ", c.getEmails())).orElse(""));
    v.put(Parameter.MAIN_CONTACT_EMAIL, main.flatMap(c -> c.getEmails().stream().findFirst()).orElse(""));
    v.put(Parameter.MAIN_CONTACT_PHONES, main.map(c -> c.getPhones().stream().map(PhoneNumbers::display)
        .collect(Collectors.joining(", "))).orElse(""));
    v.put(Parameter.MAIN_CONTACT_PHONE, main.flatMap(c -> c.getPhones().stream().findFirst()).map(PhoneNumbers::display).orElse(""));
    v.put(Parameter.MAIN_CONTACT_NAME, main.map(Contact::getFullName).orElse(""));
    v.put(Parameter.DEAL_LINK, deal.getId() == null ? "" : links.card(deal.getId()));
    v.put(Parameter.DEAL_NUMBER, deal.getId() == null ? "" : String.valueOf(deal.getId()));
    v.put(Parameter.DEAL_TITLE, deal.getTitle());
    v.put(Parameter.PREVIOUS_RESPONSIBLE, name(deal.getPreviousResponsible()));
    v.put(Parameter.STAGE_NAME, deal.getStage() == null ? "" : deal.getStage().title());
    v.put(Parameter.TASK_DUE, deal.getId() == null ? "" : taskDue(deal.getId()));
    Employee responsible = deal.getResponsible();
    v.put(Parameter.RESPONSIBLE, name(responsible));
    v.put(Parameter.RESPONSIBLE_POSITION, responsible == null ? "" : responsible.getPositionName());
    v.put(Parameter.RESPONSIBLE_PHONE, responsible == null ? "" : responsible.getOfficePhone() != null
        ? responsible.getOfficePhone() : PhoneNumbers.display(responsible.getMobilePhone()));
    v.put(Parameter.RESPONSIBLE_EMAIL, responsible == null ? "" : responsible.getEmail());
    v.replaceAll((k, value) -> value == null ? "" : value);
    return v;
  }

  /** The due time of the deal's nearest open task, дд.мм.гггг чч:мм (Moscow). */
  private String taskDue(Long dealId) {
    return work.openTasks(dealId).stream().map(t -> t.getDueDate()).filter(d -> d != null).min(java.util.Date::compareTo)
        .map(d -> RussianFormats.dateTime(Instant.ofEpochMilli(d.getTime()))).orElse("");
  }

  private static String name(Employee e) {
    return e == null ? "" : e.getFullName();
  }
}
