package ru.voronka.whatsapp;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client every provider adapter talks through: HTTP/1.1 (the providers' gateways), 5 s to
 * connect, 15 s to answer — a send is a Camunda job that is retried, so a slow provider must not
 * hold a job thread — and the account's Bearer token on every request.
 */
final class ProviderHttp {

  private ProviderHttp() {}

  static RestClient bearer(String baseUrl, String token) {
    var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build());
    factory.setReadTimeout(Duration.ofSeconds(15));
    return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).defaultHeader("Authorization", "Bearer " + token)
        .build();
  }
}
