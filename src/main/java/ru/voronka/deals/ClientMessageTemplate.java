package ru.voronka.deals;

/** The automatic messages of the funnel; each is a Freemarker template under templates/messages/. */
public enum ClientMessageTemplate {
  REQUEST_TAKEN("messages/request-taken.ftl", "Сообщение о взятии заявки в работу"),
  FEEDBACK_REQUEST("messages/feedback-request.ftl", "Запрос отзыва");

  private final String path;
  private final String title;

  ClientMessageTemplate(String path, String title) {
    this.path = path;
    this.title = title;
  }

  public String path() {
    return path;
  }

  public String title() {
    return title;
  }
}
