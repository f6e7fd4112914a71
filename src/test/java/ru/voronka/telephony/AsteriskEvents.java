package ru.voronka.telephony;

import static ru.voronka.telephony.AmiPeer.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AMI events Asterisk 22 (chan_pjsip, app_dial, res_mixmonitor) writes for the calls Voronka
 * follows, in the order it writes them — field names and order as {@code manager_channels.c}
 * builds a channel snapshot ({@code Channel … Linkedid}, {@code Dest…} for the dialled leg), with
 * the {@code DialStatus} app_dial publishes (ANSWER; CANCEL when the caller gave up; NOANSWER when
 * the ring time ran out, and also when the desk's leg was hung up with cause 21 — see
 * {@code ast_hangup_cause_to_dial_status}), and the Hangup causes of Q.850. The sequences follow
 * the dialplan in docs/asterisk/extensions.conf: MixMonitor before Dial, the callee's Newchannel
 * before its DialBegin, Newstate and DialState RINGING (which Voronka's filters keep away) as they
 * come. Events a session's filters drop are written anyway: the peer applies the filters.
 */
final class AsteriskEvents {

  private AsteriskEvents() {}

  /** The company's city line: clients call in through it, click-to-call goes out through it. */
  static final String CITY_LINE = "PJSIP/trunk-";
  static final String DID = "74956498447";

  /** One channel of a call, as snapshots show it. */
  record Leg(String channel, String uniqueId, String linkedId, String callerNum, String context, String exten) {

    Map<String, String> snapshot(String prefix, int state, String connectedNum, int priority) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put(prefix + "Channel", channel);
      f.put(prefix + "ChannelState", String.valueOf(state));
      f.put(prefix + "ChannelStateDesc", stateDesc(state));
      f.put(prefix + "CallerIDNum", callerNum);
      f.put(prefix + "CallerIDName", "<unknown>");
      f.put(prefix + "ConnectedLineNum", connectedNum);
      f.put(prefix + "ConnectedLineName", "<unknown>");
      f.put(prefix + "Language", "ru");
      f.put(prefix + "AccountCode", "");
      f.put(prefix + "Context", context);
      f.put(prefix + "Exten", exten);
      f.put(prefix + "Priority", String.valueOf(priority));
      f.put(prefix + "Uniqueid", uniqueId);
      f.put(prefix + "Linkedid", linkedId);
      return f;
    }
  }

  static String stateDesc(int state) {
    return switch (state) {
      case 0 -> "Down";
      case 4 -> "Ring";
      case 5 -> "Ringing";
      case 6 -> "Up";
      default -> "Unknown";
    };
  }

  static Map<String, String> event(String name, String privilege, Map<String, String> body) {
    Map<String, String> e = fields("Event", name, "Privilege", privilege);
    e.putAll(body);
    return e;
  }

  static Map<String, String> newchannel(Leg leg, int state, String connected) {
    return event("Newchannel", "call,all", leg.snapshot("", state, connected, 1));
  }

  static Map<String, String> newstate(Leg leg, int state, String connected) {
    return event("Newstate", "call,all", leg.snapshot("", state, connected, 1));
  }

  /** DialBegin (no status, with DialString), DialState (RINGING…) or DialEnd (a final status). */
  static Map<String, String> dial(String name, Leg caller, int callerState, Leg callee, int calleeState, String dialString,
      String status) {
    Map<String, String> body = caller.snapshot("", callerState, "<unknown>", 6);
    body.putAll(callee.snapshot("Dest", calleeState, caller.callerNum(), 1));
    if (dialString != null) {
      body.put("DialString", dialString);
    }
    if (status != null) {
      body.put("DialStatus", status);
    }
    return event(name, "call,all", body);
  }

  static Map<String, String> hangup(Leg leg, int state, int cause, String causeTxt) {
    Map<String, String> body = leg.snapshot("", state, "<unknown>", 1);
    body.put("Cause", String.valueOf(cause));
    body.put("Cause-txt", causeTxt);
    return event("Hangup", "call,all", body);
  }

  /** res_mixmonitor sets MIXMONITOR_FILENAME on the channel it records: a VarSet of the dialplan class. */
  static Map<String, String> mixMonitor(Leg leg, int state) {
    Map<String, String> body = leg.snapshot("", state, "<unknown>", 3);
    body.put("Variable", "MIXMONITOR_FILENAME");
    body.put("Value", "/var/spool/asterisk/monitor/" + leg.linkedId() + ".wav"); // MixMonitor(${CHANNEL(linkedid)}.wav)
    return event("VarSet", "dialplan,all", body);
  }

  static Map<String, String> bridgeEnter(Leg leg, String bridge) {
    Map<String, String> body = fields("BridgeUniqueid", bridge, "BridgeType", "basic", "BridgeTechnology", "simple_bridge",
        "BridgeCreator", "<unknown>", "BridgeName", "<unknown>", "BridgeNumChannels", "1", "BridgeVideoSourceMode", "none");
    body.putAll(leg.snapshot("", 6, "<unknown>", 6));
    return event("BridgeEnter", "call,all", body);
  }

  /** The client's channel on the city line, as chan_pjsip creates it for an incoming INVITE. */
  static Leg client(String number, String linkedId) {
    return new Leg(CITY_LINE + seq(linkedId, 0), linkedId, linkedId, number, "from-trunk", DID);
  }

  /** The leg app_dial requests for a desk (its endpoint's context until it answers). */
  static Leg desk(String desk, String linkedId, int n) {
    return new Leg("PJSIP/" + desk + "-" + seq(linkedId, n), uniqueId(linkedId, n), linkedId, "<unknown>", "from-desks", "s");
  }

  /** The leg app_dial requests for a mobile through a carrier's trunk: named after the trunk, not the number. */
  static Leg mobileLeg(String trunk, String linkedId, int n) {
    return new Leg("PJSIP/" + trunk + "-" + seq(linkedId, n), uniqueId(linkedId, n), linkedId, "<unknown>", "from-trunk", "s");
  }

  static String seq(String linkedId, int n) {
    return "%08x".formatted(Long.parseLong(linkedId.substring(linkedId.indexOf('.') + 1)) + n);
  }

  static String uniqueId(String linkedId, int n) {
    int dot = linkedId.indexOf('.');
    return linkedId.substring(0, dot + 1) + (Long.parseLong(linkedId.substring(dot + 1)) + n);
  }

  /** A client calls the company: the AGI question is answered, MixMonitor starts, desk {@code desk} rings. */
  static List<Map<String, String>> incomingRinging(String client, String desk, String linkedId) {
    Leg trunk = client(client, linkedId);
    Leg phone = desk(desk, linkedId, 1);
    return List.of(
        newchannel(trunk, 4, "<unknown>"),
        mixMonitor(trunk, 4),
        newchannel(phone, 0, "<unknown>"),
        dial("DialBegin", trunk, 4, phone, 0, desk, null),
        newstate(phone, 5, client),
        dial("DialState", trunk, 4, phone, 5, null, "RINGING"));
  }

  /** The desk that rings ({@code n}-th leg of the call) picks up: both channels Up, DialEnd ANSWER, one bridge. */
  static List<Map<String, String>> answeredAt(String client, String desk, String linkedId, int n) {
    Leg trunk = client(client, linkedId);
    Leg phone = desk(desk, linkedId, n);
    return List.of(
        newstate(phone, 6, client),
        newstate(trunk, 6, desk),
        dial("DialEnd", trunk, 6, phone, 6, null, "ANSWER"),
        bridgeEnter(phone, "b-" + linkedId),
        bridgeEnter(trunk, "b-" + linkedId));
  }

  static List<Map<String, String>> incomingAnswered(String client, String desk, String linkedId) {
    return answeredAt(client, desk, linkedId, 1);
  }

  /** The manager hangs up: his leg first, then the client's (Normal Clearing). */
  static List<Map<String, String>> hungUpAt(String client, String desk, String linkedId, int n) {
    return List.of(
        hangup(desk(desk, linkedId, n), 6, 16, "Normal Clearing"),
        hangup(client(client, linkedId), 6, 16, "Normal Clearing"));
  }

  static List<Map<String, String>> hungUp(String client, String desk, String linkedId) {
    return hungUpAt(client, desk, linkedId, 1);
  }

  /** The caller gave up while the desk rang: DialEnd CANCEL, the desk's leg and the client's channel hang up. */
  static List<Map<String, String>> missed(String client, String desk, String linkedId) {
    Leg trunk = client(client, linkedId);
    Leg phone = desk(desk, linkedId, 1);
    return List.of(
        dial("DialEnd", trunk, 4, phone, 5, null, "CANCEL"),
        hangup(phone, 5, 16, "Normal Clearing"),
        hangup(trunk, 4, 16, "Normal Clearing"));
  }

  /**
   * The ring time ran out at the {@code n}-th leg's desk (NOANSWER, its leg hung up) — or its manager
   * passed the call on (AMI Hangup of the leg with cause 21: app_dial reports that as NOANSWER too,
   * after the hangup) — and the dialplan dials the next target: {@code next} is a desk's extension or
   * a mobile's Dial string {@code 79161002001@gsm-mts}.
   */
  static List<Map<String, String>> rungOn(String client, String desk, String next, String linkedId, int n, boolean passed) {
    Leg trunk = client(client, linkedId);
    Leg from = desk(desk, linkedId, n);
    Leg to = next.contains("@") ? mobileLeg(next.substring(next.indexOf('@') + 1), linkedId, n + 1) : desk(next, linkedId, n + 1);
    List<Map<String, String>> events = new ArrayList<>();
    if (passed) {
      events.add(hangup(from, 5, 21, "Call Rejected"));
      events.add(dial("DialEnd", trunk, 4, from, 5, null, "NOANSWER"));
    } else {
      events.add(dial("DialEnd", trunk, 4, from, 5, null, "NOANSWER"));
      events.add(hangup(from, 5, 16, "Normal Clearing"));
    }
    events.add(newchannel(to, 0, "<unknown>"));
    events.add(dial("DialBegin", trunk, 4, to, 0, next, null));
    events.add(newstate(to, 5, client));
    return events;
  }

  /** An answer on a mobile: the carrier's leg Up, DialEnd ANSWER. */
  static List<Map<String, String>> answeredOnMobile(String client, String trunkName, String linkedId, int n) {
    Leg trunk = client(client, linkedId);
    Leg mobile = mobileLeg(trunkName, linkedId, n);
    return List.of(
        newstate(mobile, 6, client),
        newstate(trunk, 6, "<unknown>"),
        dial("DialEnd", trunk, 6, mobile, 6, null, "ANSWER"),
        bridgeEnter(mobile, "b-" + linkedId),
        bridgeEnter(trunk, "b-" + linkedId));
  }

  /**
   * Click-to-call after Originate (PJSIP/{desk} into from-voronka, exten = the client's digits): the desk
   * rings and is picked up (OriginateResponse Success), the dialplan records and dials the client
   * through the city line; they talk, the client hangs up.
   */
  static List<Map<String, String>> clickToCall(String desk, String client, String linkedId) {
    Leg phone = new Leg("PJSIP/" + desk + "-" + seq(linkedId, 0), linkedId, linkedId, "+" + client, "from-voronka", client);
    // the dialplan's Set(CALLERID(num)=…): the client sees the company's number
    Leg calling = new Leg(phone.channel(), linkedId, linkedId, DID, "from-voronka", client);
    Leg line = new Leg(CITY_LINE + seq(linkedId, 1), uniqueId(linkedId, 1), linkedId, "<unknown>", "from-trunk", "s");
    return List.of(
        newchannel(phone, 0, "<unknown>"),
        newstate(phone, 5, "<unknown>"),
        newstate(phone, 6, "<unknown>"),
        event("OriginateResponse", "call,all", fields("Response", "Success", "Channel", phone.channel(), "Context", "from-voronka",
            "Exten", client, "Reason", "4", "Uniqueid", linkedId, "CallerIDNum", "+" + client, "CallerIDName", "<unknown>")),
        mixMonitor(calling, 6),
        newchannel(line, 0, "<unknown>"),
        dial("DialBegin", calling, 6, line, 0, client + "@trunk", null),
        newstate(line, 5, DID),
        newstate(line, 6, DID),
        dial("DialEnd", calling, 6, line, 6, null, "ANSWER"),
        hangup(line, 6, 16, "Normal Clearing"),
        hangup(calling, 6, 16, "Normal Clearing"));
  }

  static Map<String, String> blindTransfer(String linkedId, String fromDesk, String toDesk) {
    Leg from = desk(fromDesk, linkedId, 1);
    Map<String, String> body = fields("Result", "Success");
    from.snapshot("Transferer", 6, "<unknown>", 1).forEach(body::put);
    client("79126007080", linkedId).snapshot("Transferee", 6, fromDesk, 6).forEach(body::put);
    body.putAll(fields("IsExternal", "No", "Context", "from-voronka", "Extension", toDesk));
    return event("BlindTransfer", "call,all", body);
  }

  static Map<String, String> attendedTransfer(String linkedId, String fromDesk, String toDesk) {
    String consult = uniqueId(linkedId, 3);
    Map<String, String> body = fields("Result", "Success");
    desk(fromDesk, linkedId, 1).snapshot("OrigTransferer", 6, "<unknown>", 1).forEach(body::put);
    new Leg("PJSIP/" + fromDesk + "-" + seq(linkedId, 3), consult, consult, fromDesk, "from-desks", toDesk)
        .snapshot("SecondTransferer", 6, toDesk, 1).forEach(body::put);
    client("79126007080", linkedId).snapshot("Transferee", 6, fromDesk, 6).forEach(body::put);
    new Leg("PJSIP/" + toDesk + "-" + seq(linkedId, 4), uniqueId(linkedId, 4), consult, "<unknown>", "from-desks", "s")
        .snapshot("TransferTarget", 6, fromDesk, 1).forEach(body::put);
    body.putAll(fields("IsExternal", "No", "DestType", "Bridge", "DestBridgeUniqueid", "b-" + linkedId));
    return event("AttendedTransfer", "call,all", body);
  }

  /** res_manager_devicestate forwards every device state change: no channel, no Linkedid. */
  static Map<String, String> deviceState(String device, String state) {
    return event("DeviceStateChange", "call,all", fields("Device", device, "State", state));
  }
}
