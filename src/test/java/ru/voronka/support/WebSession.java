package ru.voronka.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A browser-like session without a browser: logs in through the /login form and keeps the cookie. */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  private WebSession(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static WebSession login(String base, String user, String password) throws IOException, InterruptedException {
    WebSession session = new WebSession(base);
    String page = session.http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = CSRF.matcher(page);
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the login page");
    }
    String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
    HttpResponse<String> response = session.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("Login of " + user + " failed: " + response.statusCode() + " " + location);
    }
    return session;
  }

  /** The same browser (its cookies, so its session) talking to another node: cookies do not care about the port. */
  public WebSession on(String otherBase) {
    return new WebSession(otherBase, http);
  }

  private WebSession(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(path, "application/json, text/html");
  }

  /** As htmx asks for a page's piece ({@code *}{@code /*}), or for a given kind of answer. */
  public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A workspace form post, with the page's CSRF token, as multipart: text fields and files (name → bytes). */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files)
      throws IOException, InterruptedException {
    String token = csrfToken();
    String boundary = "voronka" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    for (var field : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var file : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", token).header("HX-Request", "true")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs out as the «Выйти» button does. */
  public HttpResponse<String> logout() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/logout")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrfToken()))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private String csrfToken() throws IOException, InterruptedException {
    Matcher token = CSRF_META.matcher(get("/settings").body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF token on the settings page");
    }
    return token.group(1);
  }

  /** The user's live event stream, line by line, as long as the server keeps it open. */
  public Stream<String> live() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/live")).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines()).body();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
