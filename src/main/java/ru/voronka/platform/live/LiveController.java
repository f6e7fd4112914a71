package ru.voronka.platform.live;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /live}: the signed-in user's stream of events, opened by every workspace page. */
@RestController
class LiveController {

  private final Subscribers subscribers;

  LiveController(Subscribers subscribers) {
    this.subscribers = subscribers;
  }

  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(Principal principal, HttpSession session) {
    return subscribers.subscribe(principal.getName(), session.getId());
  }
}
