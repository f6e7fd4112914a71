package ru.voronka.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic APIs ({@code /api}, {@code /engine-rest}) carry no CSRF token, and a browser that has
 * Basic credentials cached sends them to any page's requests. A request that changes something
 * and comes from another site's page (its {@code Origin}, or {@code Sec-Fetch-Site: cross-site})
 * is refused; scripts and servers send neither header and pass.
 */
class CrossSiteRequests extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String baseUrl;

  CrossSiteRequests(String baseUrl) {
    this.baseUrl = origin(baseUrl);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && fromAnotherSite(request)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"Запрос со страницы другого сайта отклонён\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean fromAnotherSite(HttpServletRequest request) {
    if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String own = origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    String theirs = origin(origin);
    return !theirs.equals(own) && !theirs.equals(baseUrl);
  }

  /** scheme://host:port, lower case, with the default port spelled out. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase()) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "invalid:" + url;
    }
  }
}
