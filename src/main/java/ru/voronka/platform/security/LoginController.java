package ru.voronka.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login page, for the workspace and the Camunda webapps alike. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(Authentication authentication) {
    boolean signedIn = authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
    return signedIn ? "redirect:/" : "workspace/login";
  }
}
