package ru.voronka.platform.security;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's model carries the CSRF token as {@code csrf}: forms post it, htmx sends it as a header. */
@ControllerAdvice
class CsrfModel {

  @ModelAttribute("csrf")
  CsrfToken csrf(CsrfToken token) {
    return token;
  }
}
