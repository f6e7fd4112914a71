package ru.voronka.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Until the workspace arrives, the front door is Tasklist. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "redirect:/camunda/app/tasklist/";
  }
}
