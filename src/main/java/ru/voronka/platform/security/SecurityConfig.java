package ru.voronka.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import ru.voronka.platform.live.LiveEvents;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Three doors. {@code /api/**} and {@code /engine-rest/**}: Voronka's REST API and Camunda's, HTTP
 * Basic against Camunda's users (one throttled check, {@link LoginThrottle}), stateless — no session
 * cookie, so no CSRF token — and refused when a page of another site sends a change; the engine's
 * API then takes the user with their groups, so Camunda authorizations apply. Everything else — the
 * workspace and the Camunda webapps (Tasklist, Cockpit, Admin) — behind one form login, with CSRF
 * tokens and a Content-Security-Policy on Voronka's own pages.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

  /** Scripts and connections from this site only: no inline script, no other origin (styles: htmx adds its own). */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'self'";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint problems,
      @Value("${voronka.base-url:}") String baseUrl) throws Exception {
    // By the request's path, whichever servlet serves it: /engine-rest is Jersey's, not Spring MVC's.
    return http.securityMatcher(request -> startsWith(request, "/api/") || startsWith(request, "/engine-rest/"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new CrossSiteRequests(baseUrl), BasicAuthenticationFilter.class)
        .build();
  }

  private static boolean startsWith(jakarta.servlet.http.HttpServletRequest request, String path) {
    return request.getRequestURI().startsWith(request.getContextPath() + path);
  }

  /**
   * Providers' webhooks: no session, no CSRF token (a provider has neither); each webhook checks its
   * provider's key or signature itself and refuses with 401. Nothing else of the chain applies to a
   * provider (no login to log out of, no page to return to, no anonymous user): leaving those
   * filters (and the per-filter observations, see application.yml) out took security from 9 % to 4 % of
   * the JVM's samples in WebhookThroughputBench.
   */
  @Bean
  @Order(0)
  SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
    return http.securityMatcher("/webhooks/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .build();
  }

  /**
   * The workspace and the Camunda webapps: one form login at {@code /login}, a session, CSRF
   * tokens on every workspace form and htmx request. The webapps' own API keeps Camunda's CSRF
   * filter; the engine's REST API keeps its Basic filter.
   */
  @Bean
  @Order(2)
  SecurityFilterChain workspace(HttpSecurity http, LiveEvents live) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            // An SSE stream ends in an async dispatch; the request was authorized when it began.
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health",
                "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
            // A document sent to a client opens by its signed link (PublicDocumentLinks), without an account.
            .requestMatchers(HttpMethod.GET, "/public/documents/*").permitAll()
            // A file to a client is fetched by its provider (Wazzup's contentUri) by its signed, expiring link (ChatFileLinks).
            .requestMatchers(HttpMethod.GET, "/public/chat-files/*", "/public/chat-files/*/*").permitAll()
            // The webapps' own login form would check passwords around the throttle: /login is the only one.
            .requestMatchers(HttpMethod.POST, "/camunda/api/*/auth/user/*/login/**").denyAll()
            // A webapp's page needs the login. Its API is guarded by Camunda's own session filter, which
            // the single sign-on fills; its scripts, styles and fonts are public.
            .requestMatchers("/camunda/app/**").authenticated()
            .requestMatchers("/camunda/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
        // The webapps' «Log out» ends the whole session too, else the single sign-on would sign the user in again.
        .logout(logout -> logout
            // Signing out ends the session's live streams here at once (those on other nodes at their
            // next heartbeat: the session, kept in the database by Spring Session, is gone for all).
            .addLogoutHandler((request, response, authentication) -> {
              var session = request.getSession(false);
              if (session != null) {
                live.endSession(session.getId());
              }
            })
            .logoutRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CAMUNDA_LOGOUT)))
            .logoutSuccessHandler((request, response, authentication) -> {
              if (request.getRequestURI().startsWith("/camunda/")) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
              } else {
                response.sendRedirect("/login?logout");
              }
            }))
        .exceptionHandling(errors -> errors
            // Scripts (htmx, the webapps' XHR, EventSource) get a 401 rather than the login page's HTML.
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new OrRequestMatcher(
                new RequestHeaderRequestMatcher("HX-Request"), PathPatternRequestMatcher.withDefaults().matcher("/live"))))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
        // The webapps send a policy of their own (Camunda's header-security settings); two would both apply.
        .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
            new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
        .build();
  }

  /** Camunda's webapps take the user signed in here (see {@link CamundaWebappsSingleSignOn}). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsSingleSignOn() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.addUrlPatterns("/camunda/*");
    registration.addInitParameter("authentication-provider", CamundaWebappsSingleSignOn.class.getName());
    registration.setName("camunda-single-sign-on");
    // After Spring Security's chain (-100), which puts the user into the security context.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** The engine's REST API takes the caller Spring Security authenticated (see {@link EngineRestSingleSignOn}). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", EngineRestSingleSignOn.class.getName());
    registration.setName("camunda-engine-rest-auth");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
