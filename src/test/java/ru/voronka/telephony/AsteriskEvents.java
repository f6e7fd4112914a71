package ru.voronka.telephony;

import static ru.voronka.telephony.AmiPeer.fields;

import java.util.List;
import java.util.Map;

/**
 * Event sequences shaped like those Asterisk 20 (chan_pjsip) writes to AMI for the calls Voronka
 * follows; field names as in Asterisk's AMI event documentation.
 */
final class AsteriskEvents {

  private AsteriskEvents() {}

  static Map<String, String> newChannel(String channel, String state, String stateDesc, String callerNum, String context,
      String exten, String uniqueId, String linkedId) {
    return fields("Event", "Newchannel", "Privilege", "call,all", "Channel", channel, "ChannelState", state,
        "ChannelStateDesc", stateDesc, "CallerIDNum", callerNum, "CallerIDName", "<unknown>", "ConnectedLineNum", "<unknown>",
        "ConnectedLineName", "<unknown>", "Language", "ru", "AccountCode", "", "Context", context, "Exten", exten,
        "Priority", "1", "Uniqueid", uniqueId, "Linkedid", linkedId);
  }

  static Map<String, String> newState(String channel, String state, String stateDesc, String callerNum, String uniqueId,
      String linkedId) {
    return fields("Event", "Newstate", "Privilege", "call,all", "Channel", channel, "ChannelState", state,
        "ChannelStateDesc", stateDesc, "CallerIDNum", callerNum, "CallerIDName", "<unknown>", "ConnectedLineNum", "<unknown>",
        "ConnectedLineName", "<unknown>", "Language", "ru", "AccountCode", "", "Context", "from-voronka", "Exten", "s",
        "Priority", "1", "Uniqueid", uniqueId, "Linkedid", linkedId);
  }

  static Map<String, String> dial(String event, String channel, String callerNum, String uniqueId, String linkedId,
      String destChannel, String destCallerNum, String destExten, String destUniqueId, String dialStatus) {
    Map<String, String> e = fields("Event", event, "Privilege", "call,all", "Channel", channel, "ChannelState", "4",
        "ChannelStateDesc", "Ring", "CallerIDNum", callerNum, "CallerIDName", "<unknown>", "ConnectedLineNum", "<unknown>",
        "ConnectedLineName", "<unknown>", "Language", "ru", "AccountCode", "", "Context", "from-voronka", "Exten", destExten,
        "Priority", "2", "Uniqueid", uniqueId, "Linkedid", linkedId, "DestChannel", destChannel, "DestChannelState", "0",
        "DestChannelStateDesc", "Down", "DestCallerIDNum", destCallerNum, "DestCallerIDName", "<unknown>",
        "DestConnectedLineNum", callerNum, "DestConnectedLineName", "<unknown>", "DestLanguage", "ru", "DestAccountCode", "",
        "DestContext", "from-voronka", "DestExten", destExten, "DestPriority", "1", "DestUniqueid", destUniqueId,
        "DestLinkedid", linkedId);
    if (dialStatus == null) {
      e.put("DialString", destExten);
    } else {
      e.put("DialStatus", dialStatus);
    }
    return e;
  }

  static Map<String, String> hangup(String channel, String callerNum, String uniqueId, String linkedId, int cause, String causeTxt) {
    return fields("Event", "Hangup", "Privilege", "call,all", "Channel", channel, "ChannelState", "6", "ChannelStateDesc", "Up",
        "CallerIDNum", callerNum, "CallerIDName", "<unknown>", "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>",
        "Language", "ru", "AccountCode", "", "Context", "from-voronka", "Exten", "", "Priority", "1", "Uniqueid", uniqueId,
        "Linkedid", linkedId, "Cause", String.valueOf(cause), "Cause-txt", causeTxt);
  }

  /** A client calls the company through the trunk and desk {@code desk} rings; answered or not. */
  static List<Map<String, String>> incomingRinging(String client, String desk, String linkedId) {
    String trunk = "PJSIP/trunk-00000012";
    String deskChannel = "PJSIP/" + desk + "-00000013";
    String deskId = linkedId.replace(".12", ".13");
    return List.of(
        newChannel(trunk, "4", "Ring", client, "from-trunk", "74956498440", linkedId, linkedId),
        dial("DialBegin", trunk, client, linkedId, linkedId, deskChannel, desk, desk, deskId, null),
        newChannel(deskChannel, "0", "Down", desk, "from-voronka", desk, deskId, linkedId),
        newState(deskChannel, "5", "Ringing", desk, deskId, linkedId));
  }

  static List<Map<String, String>> incomingAnswered(String client, String desk, String linkedId) {
    String trunk = "PJSIP/trunk-00000012";
    String deskChannel = "PJSIP/" + desk + "-00000013";
    String deskId = linkedId.replace(".12", ".13");
    return List.of(
        newState(deskChannel, "6", "Up", desk, deskId, linkedId),
        dial("DialEnd", trunk, client, linkedId, linkedId, deskChannel, desk, desk, deskId, "ANSWER"),
        fields("Event", "BridgeEnter", "Privilege", "call,all", "BridgeUniqueid", "b1", "BridgeType", "basic",
            "Channel", trunk, "Uniqueid", linkedId, "Linkedid", linkedId),
        fields("Event", "VarSet", "Privilege", "dialplan,all", "Channel", trunk, "Uniqueid", linkedId, "Linkedid", linkedId,
            "Variable", "MIXMONITOR_FILENAME", "Value", "/var/spool/asterisk/monitor/" + linkedId + ".wav"));
  }

  static List<Map<String, String>> hungUp(String client, String desk, String linkedId) {
    String deskId = linkedId.replace(".12", ".13");
    return List.of(
        hangup("PJSIP/" + desk + "-00000013", desk, deskId, linkedId, 16, "Normal Clearing"),
        hangup("PJSIP/trunk-00000012", client, linkedId, linkedId, 16, "Normal Clearing"));
  }

  /** The caller gave up while the desk rang: DialEnd CANCEL, and the trunk's hangup. */
  static List<Map<String, String>> missed(String client, String desk, String linkedId) {
    String trunk = "PJSIP/trunk-00000012";
    String deskId = linkedId.replace(".12", ".13");
    return List.of(
        dial("DialEnd", trunk, client, linkedId, linkedId, "PJSIP/" + desk + "-00000013", desk, desk, deskId, "CANCEL"),
        hangup("PJSIP/" + desk + "-00000013", desk, deskId, linkedId, 16, "Normal Clearing"),
        hangup(trunk, client, linkedId, linkedId, 16, "Normal Clearing"));
  }

  /** Click-to-call after Originate: the desk rang and answered, then the dialplan dials the client on the trunk. */
  static List<Map<String, String>> clickToCall(String desk, String client, String linkedId) {
    String deskChannel = "PJSIP/" + desk + "-00000020";
    String trunk = "PJSIP/trunk-00000021";
    return List.of(
        newChannel(deskChannel, "0", "Down", desk, "from-voronka", client, linkedId, linkedId),
        newState(deskChannel, "6", "Up", desk, linkedId, linkedId),
        dial("DialBegin", deskChannel, desk, linkedId, linkedId, trunk, client, client, linkedId + "1", null),
        dial("DialEnd", deskChannel, desk, linkedId, linkedId, trunk, client, client, linkedId + "1", "ANSWER"),
        hangup(trunk, client, linkedId + "1", linkedId, 16, "Normal Clearing"),
        hangup(deskChannel, desk, linkedId, linkedId, 16, "Normal Clearing"));
  }

  static Map<String, String> blindTransfer(String linkedId, String fromDesk, String toDesk) {
    return fields("Event", "BlindTransfer", "Privilege", "call,all", "Result", "Success",
        "TransfererChannel", "PJSIP/" + fromDesk + "-00000013", "TransfererCallerIDNum", fromDesk,
        "TransfererUniqueid", linkedId.replace(".12", ".13"), "TransfererLinkedid", linkedId,
        "TransfereeChannel", "PJSIP/trunk-00000012", "TransfereeUniqueid", linkedId, "TransfereeLinkedid", linkedId,
        "IsExternal", "No", "Context", "from-voronka", "Extension", toDesk);
  }

  static Map<String, String> attendedTransfer(String linkedId, String fromDesk, String toDesk) {
    return fields("Event", "AttendedTransfer", "Privilege", "call,all", "Result", "Success",
        "OrigTransfererChannel", "PJSIP/" + fromDesk + "-00000013", "OrigTransfererCallerIDNum", fromDesk,
        "OrigTransfererUniqueid", linkedId.replace(".12", ".13"), "OrigTransfererLinkedid", linkedId,
        "SecondTransfererChannel", "PJSIP/" + fromDesk + "-00000015", "SecondTransfererCallerIDNum", fromDesk,
        "SecondTransfererLinkedid", linkedId.replace(".12", ".15"),
        "TransfereeChannel", "PJSIP/trunk-00000012", "TransfereeLinkedid", linkedId,
        "TransferTargetChannel", "PJSIP/" + toDesk + "-00000016", "TransferTargetCallerIDNum", toDesk,
        "TransferTargetLinkedid", linkedId.replace(".12", ".15"), "IsExternal", "No", "DestType", "Bridge");
  }

  static Map<String, String> deviceState(String device, String state) {
    return fields("Event", "DeviceStateChange", "Privilege", "call,all", "Device", device, "State", state);
  }
}
