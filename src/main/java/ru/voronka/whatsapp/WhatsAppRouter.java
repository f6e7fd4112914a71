package ru.voronka.whatsapp;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger;

/**
 * The {@link ClientMessenger} the application sends through (WA-11, AUT-2: one common send path for
 * every service): the service the message names — an action's, a chat's, the one that reached the client
 * last — when it is connected; a message to a provider's group through the Cloud API, which holds them;
 * else the first connected service ({@link WhatsAppServices#firstConnected}). A named channel goes with its
 * service only. The adapters' own beans ({@code voronka.whatsapp.provider}) are fallbacks it routes to.
 */
@Component
class WhatsAppRouter implements ClientMessenger {

  private static final Logger log = LoggerFactory.getLogger(WhatsAppRouter.class);

  private final WhatsAppServices services;

  WhatsAppRouter(WhatsAppServices services) {
    this.services = services;
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    String named = message.service();
    Optional<ClientMessenger> adapter = services.adapter(named, message.channel());
    if (adapter.isPresent()) {
      return adapter.get().send(message);
    }
    if (named != null) {
      log.info("WhatsApp service «{}» named for message {} is not connected: sent through another", named, message.reference());
    }
    if (message.isToGroup() && services.isConnected(WhatsAppServices.CLOUD)) {
      return services.adapter(WhatsAppServices.CLOUD, null).orElseThrow().send(message.via(WhatsAppServices.CLOUD, null));
    }
    Optional<String> first = services.firstConnected();
    if (first.isPresent()) {
      return services.adapter(first.get(), null).orElseThrow().send(message.via(first.get(), null));
    }
    return services.environmentFallback().orElseThrow(() -> new MessageNotSentException(
        "WhatsApp не подключён: подключите сервис на странице «Сервисы WhatsApp»", null, false)).send(message);
  }

  /** Approved templates are the Cloud API's (the WhatsApp Business Platform's); the other services list none here. */
  @Override
  public List<MessageTemplate> templates() {
    return services.adapter(WhatsAppServices.CLOUD, null).map(ClientMessenger::templates)
        .orElseGet(() -> services.environmentFallback().map(ClientMessenger::templates).orElse(List.of()));
  }
}
