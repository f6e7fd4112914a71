package ru.voronka.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
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
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Three doors. {@code /api/**}: Voronka's REST API, HTTP Basic against Camunda's users, stateless —
 * no session cookie, so no CSRF token to carry. {@code /engine-rest/**}: Camunda's REST API behind
 * Camunda's own Basic filter, so Camunda authorizations apply to its callers. Everything else — the
 * workspace and the Camunda webapps (Tasklist, Cockpit, Admin) — behind one form login.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint problems) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
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
  SecurityFilterChain workspace(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            // An SSE stream ends in an async dispatch; the request was authorized when it began.
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health",
                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/engine-rest/**").permitAll()
            // A webapp's page needs the login. Its API is guarded by Camunda's own session filter, which
            // the single sign-on fills; its scripts, styles and fonts are public.
            .requestMatchers("/camunda/app/**").authenticated()
            .requestMatchers("/camunda/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
        // The webapps' «Log out» ends the whole session too, else the single sign-on would sign the user in again.
        .logout(logout -> logout
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
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
        .headers(withDefaults())
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

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("camunda-engine-rest-auth");
    return registration;
  }
}
