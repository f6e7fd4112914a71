package ru.voronka.documents;

/** The documents a deal may have, with the Freemarker template each is printed from. */
public enum DocumentType {
  KP("Коммерческое предложение", "КП", "kp"),
  INVOICE("Счёт на оплату", "Счет", "invoice"),
  CONTRACT("Договор поставки", "Договор", "contract"),
  INVOICE_CONTRACT("Счёт-договор (счёт-оферта)", "Счет-договор", "invoice-contract"),
  WAYBILL("Товарная накладная (ТОРГ-12)", "ТОРГ-12", "torg12"),
  ACT("Акт выполненных работ", "Акт", "act"),
  UPD("Универсальный передаточный документ (УПД)", "УПД", "upd");

  private final String title;
  private final String fileTitle;
  private final String template;

  DocumentType(String title, String fileTitle, String template) {
    this.title = title;
    this.fileTitle = fileTitle;
    this.template = template;
  }

  public String title() {
    return title;
  }

  /** The beginning of the PDF's file name: «Счет_12_от_04.12.2026.pdf». */
  public String fileTitle() {
    return fileTitle;
  }

  public String template() {
    return template + ".ftlh";
  }

  /**
   * The document whose signed scan the funnel's task takes (FUN-8): «Отправить Акты выполненных работ…»
   * the act, «Отправить УПД…» the УПД; empty for any other task.
   */
  public static java.util.Optional<DocumentType> signedAtTask(String taskKey) {
    if ("Task_SendActs".equals(taskKey)) {
      return java.util.Optional.of(ACT);
    }
    if ("Task_SendUpd".equals(taskKey)) {
      return java.util.Optional.of(UPD);
    }
    return java.util.Optional.empty();
  }

  /** «акта», «УПД»: what «Загрузите скан подписанного …» names. */
  public String signedGenitive() {
    return this == ACT ? "акта" : this == UPD ? "УПД" : title;
  }

  /** The act and the УПД come back signed by the client (FUN-8). */
  public boolean signedByClient() {
    return this == ACT || this == UPD;
  }
}
