package ru.voronka.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The company's requisites, VAT rate, logo, stamp and signature (one row, kept by an administrator). */
@Service
@Transactional
public class CompanySettings {

  public enum Image {
    LOGO("logo", "Логотип"), STAMP("stamp", "Печать"), SIGNATURE("signature", "Подпись руководителя");

    final String column;
    final String title;

    Image(String column, String title) {
      this.column = column;
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  static final long MAX_IMAGE_BYTES = 2L * 1024 * 1024;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CompanySettings(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CompanyRequisites current() {
    return jdbc.queryForObject("select c.*, logo is not null as has_logo, stamp is not null as has_stamp,"
        + " signature is not null as has_signature from company_requisites c where id = 1", CompanySettings::row);
  }

  /** The requisites, or a refusal naming every required one that is missing. */
  // A refusal here is an answer, not a fault: the funnel's caller notes it and its transaction goes on.
  @Transactional(readOnly = true, noRollbackFor = DomainException.class)
  public CompanyRequisites requireComplete() {
    CompanyRequisites company = current();
    var missing = company.missing();
    if (!missing.isEmpty()) {
      throw new DomainException(Kind.CONFLICT, (missing.size() == 1 ? "Не заполнен реквизит компании «" + missing.get(0) + "»"
          : "Не заполнены реквизиты компании: «" + String.join("», «", missing) + "»")
          + ". Администратор заполняет их на странице «Реквизиты компании» (/admin/documents); без них документ не сформировать.");
    }
    return company;
  }

  public CompanyRequisites save(CompanyRequisites form, String actor) {
    check(form.inn(), "ИНН", 10, 12);
    check(form.kpp(), "КПП", 9, 9);
    check(form.ogrn(), "ОГРН", 13, 15);
    check(form.bik(), "БИК", 9, 9);
    check(form.account(), "Расчётный счёт", 20, 20);
    check(form.corrAccount(), "Корреспондентский счёт", 20, 20);
    if (form.kpValidDays() < 1 || form.kpValidDays() > 365) {
      throw new DomainException(Kind.INVALID, "Срок действия КП — от 1 до 365 дней");
    }
    jdbc.update("update company_requisites set name = ?, inn = ?, kpp = ?, ogrn = ?, legal_address = ?, postal_address = ?,"
            + " phone = ?, email = ?, bank_name = ?, bik = ?, account = ?, corr_account = ?, director = ?, director_title = ?,"
            + " accountant = ?, vat_rate = ?, payment_qr = ?, kp_valid_days = ?, updated_by = ?, updated_at = ? where id = 1",
        trim(form.name()), digits(form.inn()), digits(form.kpp()), digits(form.ogrn()), trim(form.legalAddress()),
        trim(form.postalAddress()), trim(form.phone()), trim(form.email()), trim(form.bankName()), digits(form.bik()),
        digits(form.account()), digits(form.corrAccount()), trim(form.director()), trim(form.directorTitle()),
        trim(form.accountant()), (form.vatRate() == null ? VatRate.NONE : form.vatRate()).name(), form.paymentQr(),
        form.kpValidDays(), actor, Timestamp.from(clock.instant()));
    return current();
  }

  /** A PNG or JPEG up to 2 MB (checked by its first bytes); an empty upload removes the image. */
  public void saveImage(Image image, byte[] content, String actor) {
    if (content != null && content.length > 0) {
      if (content.length > MAX_IMAGE_BYTES) {
        throw new DomainException(Kind.TOO_LARGE, "«" + image.title + "» больше 2 МБ");
      }
      String type = ScanTypes.detect(content).orElse(null);
      if (!"image/png".equals(type) && !"image/jpeg".equals(type)) {
        throw new DomainException(Kind.INVALID, "«" + image.title + "»: нужен файл PNG или JPEG");
      }
    }
    jdbc.update("update company_requisites set " + image.column + " = ?, updated_by = ?, updated_at = ? where id = 1",
        content == null || content.length == 0 ? null : content, actor, Timestamp.from(clock.instant()));
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> image(Image image) {
    return Optional.ofNullable(jdbc.queryForObject("select " + image.column + " from company_requisites where id = 1",
        (rs, n) -> rs.getBytes(1)));
  }

  private static void check(String value, String title, int min, int max) {
    String d = digits(value);
    if (d == null) {
      return;
    }
    if (!value.strip().matches("\\d+") || d.length() < min || d.length() > max) {
      throw new DomainException(Kind.INVALID, "«" + title + "»: " + (min == max ? min : min + " или " + max) + " цифр");
    }
  }

  private static String digits(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static CompanyRequisites row(ResultSet rs, int n) throws SQLException {
    return new CompanyRequisites(rs.getString("name"), rs.getString("inn"), rs.getString("kpp"), rs.getString("ogrn"),
        rs.getString("legal_address"), rs.getString("postal_address"), rs.getString("phone"), rs.getString("email"),
        rs.getString("bank_name"), rs.getString("bik"), rs.getString("account"), rs.getString("corr_account"),
        rs.getString("director"), rs.getString("director_title"), rs.getString("accountant"),
        VatRate.valueOf(rs.getString("vat_rate")), rs.getBoolean("payment_qr"), rs.getInt("kp_valid_days"),
        rs.getBoolean("has_logo"), rs.getBoolean("has_stamp"), rs.getBoolean("has_signature"));
  }
}
