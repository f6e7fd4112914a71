package ru.voronka.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.notifications.PopupSettings;

/** A user's own settings: the pop-up reminder interval (COM-4). */
@Controller
class SettingsController {

  private final PopupSettings popups;

  SettingsController(PopupSettings popups) {
    this.popups = popups;
  }

  @GetMapping("/settings")
  String settings(Authentication auth, Model model) {
    model.addAttribute("popupMinutes", popups.minutes(auth.getName()));
    return "workspace/settings";
  }

  @PostMapping("/settings")
  String save(@RequestParam(required = false) Integer popupMinutes, Authentication auth, RedirectAttributes redirect) {
    popups.setMinutes(auth.getName(), popupMinutes);
    redirect.addFlashAttribute("saved", popupMinutes == 0
        ? "Сохранено: всплывающие окна выключены" : "Сохранено: напоминать каждые " + popupMinutes + " мин.");
    return "redirect:/settings";
  }
}
