package ru.voronka.platform.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login page, for the workspace and the Camunda webapps alike. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(Authentication authentication, HttpSession session, Model model) {
    boolean signedIn = authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
    if (signedIn) {
      return "redirect:/";
    }
    // A throttled login says how long to wait; any other failure says only that the pair is wrong.
    Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    model.addAttribute("loginError", failure instanceof LockedException locked ? locked.getMessage() : "Неверный логин или пароль");
    return "workspace/login";
  }
}
