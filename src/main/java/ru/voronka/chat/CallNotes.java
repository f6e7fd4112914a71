package ru.voronka.chat;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.telephony.CallDirection;
import ru.voronka.telephony.CallFinished;

/** TEL-2/COM-3: a finished call of a client with a deal is noted in the deal's client chat — a missed one as such. */
@Component
class CallNotes {

  private final ChatReceiving receiving;

  CallNotes(ChatReceiving receiving) {
    this.receiving = receiving;
  }

  @ApplicationModuleListener
  void callFinished(CallFinished call) {
    if (call.dealId() != null) {
      receiving.recordCall(call.dealId(), call.direction() == CallDirection.INCOMING ? Direction.INCOMING : Direction.OUTGOING,
          call.missed(), call.clientNumber(), "call:" + call.callKey());
    }
  }
}
