package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.support.TestClock;

/** The demo's WhatsApp honours the channels like a real provider (WA-11): none switched on, nothing goes, and it is retried. */
class SimulatedWhatsAppTest {

  final WhatsAppChannels channels = mock(WhatsAppChannels.class);
  final SimulatedWhatsApp whatsapp = new SimulatedWhatsApp(channels, TestClock.INSTANCE);

  @Test
  void itReportsItsChannels_andSendsThroughOneSwitchedOn() {
    whatsapp.reportChannels();
    verify(channels).reported(SimulatedWhatsApp.PROVIDER, "sim-main", "+74956498447", "active");

    when(channels.sendingChannel(SimulatedWhatsApp.PROVIDER, SimulatedWhatsApp.PROVIDER)).thenReturn(Optional.of("sim-main"));
    whatsapp.send(new OutgoingMessage(5L, "8 (912) 600-70-80", "Счёт во вложении"));
    assertThat(whatsapp.conversation("+79126007080")).singleElement().satisfies(line -> assertThat(line.text()).isEqualTo("Счёт во вложении"));
  }

  @Test
  void withEveryChannelSwitchedOff_aSendWaitsForARetry() {
    when(channels.sendingChannel(SimulatedWhatsApp.PROVIDER, SimulatedWhatsApp.PROVIDER)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> whatsapp.send(new OutgoingMessage(5L, "+79126007080", "Добрый день")))
        .isInstanceOf(MessageNotSentException.class).hasMessageContaining("Нет включённого канала")
        .satisfies(e -> assertThat(((MessageNotSentException) e).isRetryable()).isTrue());
    assertThat(whatsapp.conversation("+79126007080")).isEmpty();
  }
}
