package ru.voronka.sms;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * TEL-10's template messages: texts an administrator keeps, with {клиент}, {сделка}, {название} and
 * {менеджер} filled in from the deal — plain replacement, so a template cannot run anything.
 */
@Service
@Transactional
public class SmsTemplates {

  public record Template(Long id, String name, String body) {}

  /** What a template's placeholders are filled with: {клиент}, {сделка}, {название}, {менеджер}. */
  public record Filling(String client, Long dealId, String title, String manager) {}

  private final JdbcTemplate jdbc;
  private final Audit audit;

  SmsTemplates(JdbcTemplate jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Template> all() {
    return jdbc.query("select id, name, body from sms_template order by name", (rs, i) -> new Template(rs.getLong(1),
        rs.getString(2), rs.getString(3)));
  }

  @Transactional(readOnly = true)
  public String render(Long templateId, Filling filling) {
    Template template = all().stream().filter(t -> t.id().equals(templateId)).findFirst()
        .orElseThrow(() -> new DomainException(Kind.INVALID, "Шаблон SMS №" + templateId + " не найден"));
    return template.body()
        .replace("{клиент}", nullToEmpty(filling.client()))
        .replace("{сделка}", filling.dealId() == null ? "" : String.valueOf(filling.dealId()))
        .replace("{название}", nullToEmpty(filling.title()))
        .replace("{менеджер}", nullToEmpty(filling.manager()))
        .strip();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** @param administrator only administrators change templates */
  public void save(String userId, boolean administrator, String name, String body) {
    if (!administrator) {
      throw new DomainException(Kind.FORBIDDEN, "Шаблоны SMS меняет администратор");
    }
    if (name == null || name.isBlank() || body == null || body.isBlank()) {
      throw new DomainException(Kind.INVALID, "У шаблона должны быть название и текст");
    }
    if (body.length() > 1000) {
      throw new DomainException(Kind.INVALID, "Текст шаблона длиннее 1000 знаков");
    }
    if (jdbc.update("update sms_template set body = ? where name = ?", body.strip(), name.strip()) == 0) {
      jdbc.update("insert into sms_template (name, body) values (?, ?)", name.strip(), body.strip());
    }
    audit.record(userId, "SMS_TEMPLATE_SAVED", "sms_template", name.strip(), body.strip());
  }
}
