package ru.voronka.telephony;

import java.util.stream.Collectors;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * FastAGI {@code agi://voronka:4573/route} (TEL-5, TEL-7): while the call rings, Voronka answers
 * whom to ring, in order, in two AGI commands: {@code VORONKA_TARGETS} (the Dial strings — desks,
 * then mobiles through their carrier's trunk — separated by commas, for the dialplan's
 * {@code SHIFT}) and {@code VORONKA_RING} (seconds at each). Each AGI command is a round trip to
 * Asterisk while the caller waits, so the list goes in one.
 */
class RouteCallAgi implements AgiScript {

  static final String SCRIPT = "route";

  private final CallRouting routing;
  private final CallJournal journal;

  RouteCallAgi(CallRouting routing, CallJournal journal) {
    this.routing = routing;
    this.journal = journal;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    CallRouting.Route route = routing.route(request.getCallerIdNumber());
    channel.setVariable("VORONKA_RING", String.valueOf(route.ringSeconds()));
    channel.setVariable("VORONKA_TARGETS", route.targets().stream().map(CallRouting.Target::dial).collect(Collectors.joining(",")));
    // The caller's channel runs the script: its uniqueid is the call's Linkedid, the journal's key.
    journal.routed(request.getUniqueId(), route.summary());
  }
}
