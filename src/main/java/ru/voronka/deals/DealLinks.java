package ru.voronka.deals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links put into notifications and e-mails: they open the deal's tasks in Tasklist. */
@Component
public class DealLinks {

  private final String baseUrl;

  DealLinks(@Value("${voronka.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String deal(Long dealId) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + dealId + "\"}]";
    return baseUrl + "/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  /** The deal's card in the workspace (the stage actions' «Ссылка на сделку»). */
  public String card(Long dealId) {
    return baseUrl + "/deals/" + dealId;
  }

  public String task(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** The deal's card in Voronka's workspace. */
  public String workspace(Long dealId) {
    return baseUrl + "/deals/" + dealId;
  }

  public String api(Long dealId) {
    return baseUrl + "/api/deals/" + dealId;
  }
}
