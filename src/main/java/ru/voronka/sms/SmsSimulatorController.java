package ru.voronka.sms;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The demo's «what SMS went out» page: the simulated gateway's outbox, newest first. */
@Controller
class SmsSimulatorController {

  private final SmsPort sms;

  SmsSimulatorController(SmsPort sms) {
    this.sms = sms;
  }

  public record Line(String phone, String text, String sender, String at) {}

  @GetMapping("/simulator/sms")
  String page(Model model) {
    if (!(sms instanceof SimulatedSms simulated)) {
      throw new DomainException(Kind.NOT_FOUND, "SMS отправляет настоящий шлюз: симулятора нет");
    }
    List<Line> lines = simulated.recent().stream()
        .map(s -> new Line(s.phone(), s.text(), s.sender(), RussianFormats.dateTime(s.at()))).toList();
    model.addAttribute("lines", lines);
    return "demo/sms-simulator";
  }
}
