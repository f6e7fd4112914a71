package ru.voronka.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An Asterisk Manager Interface peer on a TCP socket for tests: it speaks the wire protocol as
 * Asterisk 22 (AMI 11.0.0) does — the greeting, {@code Challenge}/MD5 {@code Login},
 * {@code CoreSettings}, {@code CoreShowChannels} with its event list (each channel's snapshot,
 * {@code Application}, {@code ApplicationData}, {@code Duration} since the channel was created and
 * {@code BridgeId}), {@code DeviceStateList} as res_manager_devicestate answers it (a
 * {@code DeviceStateChange} per device, then {@code DeviceStateListComplete}), {@code Logoff} —
 * records every other action and answers it as Asterisk does (an Originate is queued, and its
 * {@code OriginateResponse} follows with the ActionID it came with), and pushes events to every
 * connected client — through the session's {@code Filter}s, as Asterisk 13+ does (a whitelist of
 * regular expressions over the event's text; {@code !} in front blacklists). Answers to list
 * actions are written to the asking session only and pass no filter, as in {@code manager.c}.
 */
class AmiPeer implements AutoCloseable {

  private static final String CHALLENGE = "840415273";

  private final ServerSocket server;
  private final String username;
  private final String secret;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
  private final Map<String, String> errors = new ConcurrentHashMap<>();
  /** The channels CoreShowChannels reports, by uniqueid: each one's fields as Asterisk writes them. */
  private final Map<String, Map<String, String>> liveChannels = new java.util.concurrent.ConcurrentSkipListMap<>();
  /** Device states as Asterisk's cache holds them (PJSIP/101 → NOT_INUSE…), listed by DeviceStateList. */
  private final Map<String, String> deviceStates = new java.util.concurrent.ConcurrentSkipListMap<>();
  /** How the next Originate ends: null — the desk picks up (the call's own events are the test's); else its Reason. */
  private volatile Integer originateFailure;
  private final Map<Socket, List<String>> filters = new ConcurrentHashMap<>();
  private volatile boolean open = true;

  AmiPeer(String username, String secret) throws IOException {
    this.username = username;
    this.secret = secret;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "ami-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (open) {
      try {
        Socket socket = server.accept();
        clients.add(socket);
        Thread session = new Thread(() -> serve(socket), "ami-peer-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      write(socket, "Asterisk Call Manager/11.0.0\r\n");
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      Map<String, String> packet = action();
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isEmpty()) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            packet.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
          }
          continue;
        }
        if (!packet.isEmpty() && !answer(socket, packet)) {
          return;
        }
        packet = action();
      }
    } catch (IOException e) {
      // the client went away, or dropConnections()
    } finally {
      clients.remove(socket);
      filters.remove(socket);
    }
  }

  /** AMI keys are case-insensitive (asterisk-java writes them in lower case). */
  private static Map<String, String> action() {
    return new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  /** @return false when the session ends */
  private boolean answer(Socket socket, Map<String, String> action) throws IOException {
    String name = action.getOrDefault("Action", "");
    String id = action.getOrDefault("ActionID", "");
    switch (name.toLowerCase()) {
      case "challenge" -> write(socket, response("Success", id, Map.of("Challenge", CHALLENGE)));
      case "login" -> {
        if (!username.equals(action.get("Username")) || !md5(CHALLENGE + secret).equals(action.get("Key"))) {
          write(socket, response("Error", id, Map.of("Message", "Authentication failed")));
          return false;
        }
        write(socket, response("Success", id, Map.of("Message", "Authentication accepted")));
        write(socket, packet(fields("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "1200", "LastReload", "1200",
            "Status", "Fully Booted")));
      }
      case "coresettings" -> {
        actions.add(action);
        write(socket, response("Success", id, fields("AMIversion", "11.0.0", "AsteriskVersion", "22.10.1",
            "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "asterisk",
            "CoreRunGroup", "asterisk", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No", "CoreCDRenabled", "Yes",
            "CoreHTTPenabled", "No", "SoundsSearchCustomDir", "No")));
      }
      case "coreshowchannels" -> {
        actions.add(action);
        write(socket, response("Success", id, fields("EventList", "start", "Message", "Channels will follow")));
        for (Map<String, String> channel : liveChannels.values()) {
          Map<String, String> event = fields("Event", "CoreShowChannel", "ActionID", id);
          event.putAll(channel);
          write(socket, packet(event));
        }
        write(socket, packet(fields("Event", "CoreShowChannelsComplete", "ActionID", id, "EventList", "Complete",
            "ListItems", String.valueOf(liveChannels.size()))));
      }
      case "devicestatelist" -> { // res_manager_devicestate: the cached states, no Privilege line
        actions.add(action);
        write(socket, response("Success", id, fields("EventList", "start", "Message", "Device State Changes will follow")));
        deviceStates.forEach((device, state) -> {
          try {
            write(socket, packet(fields("Event", "DeviceStateChange", "ActionID", id, "Device", device, "State", state)));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        write(socket, packet(fields("Event", "DeviceStateListComplete", "ActionID", id, "EventList", "Complete",
            "ListItems", String.valueOf(deviceStates.size()))));
      }
      case "filter" -> {
        actions.add(action);
        if ("Add".equalsIgnoreCase(action.getOrDefault("Operation", "Add")) && action.get("Filter") != null) {
          filters.computeIfAbsent(socket, s -> new CopyOnWriteArrayList<>()).add(action.get("Filter"));
          write(socket, response("Success", id, Map.of("Message", "Filter Added Successfully")));
        } else {
          write(socket, response("Error", id, Map.of("Message", "Unknown operation")));
        }
      }
      case "logoff" -> {
        write(socket, response("Goodbye", id, Map.of("Message", "Thanks for all the fish.")));
        return false;
      }
      default -> {
        actions.add(action);
        String error = errors.get(name.toLowerCase());
        if (error != null) {
          write(socket, response("Error", id, Map.of("Message", error)));
          return true;
        }
        write(socket, response("Success", id, Map.of("Message", switch (name.toLowerCase()) {
          case "originate" -> "Originate successfully queued";
          case "redirect" -> "Redirect successful";
          case "hangup" -> "Channel Hungup";
          default -> "Success";
        })));
        Integer reason = originateFailure;
        if ("originate".equalsIgnoreCase(name) && reason != null) { // fast_originate: the requested channel, no uniqueid
          originateFailure = null;
          Map<String, String> failed = fields("Event", "OriginateResponse", "Privilege", "call,all", "ActionID", id,
              "Response", "Failure", "Channel", action.get("Channel"));
          if (action.get("Application") != null) {
            failed.putAll(fields("Application", action.get("Application"), "Data", action.getOrDefault("Data", "")));
          } else {
            failed.putAll(fields("Context", action.get("Context"), "Exten", action.get("Exten")));
          }
          failed.putAll(fields("Reason", String.valueOf(reason), "Uniqueid", action.getOrDefault("ChannelId", "<unknown>"),
              "CallerIDNum", action.getOrDefault("CallerID", "<unknown>"), "CallerIDName", "<unknown>"));
          emit(failed);
        }
      }
    }
    return true;
  }

  /** Pushes one event, fields in order, to every connected client. */
  void emit(Map<String, String> event) {
    String text = packet(event);
    for (Socket socket : clients) {
      if (!passes(filters.getOrDefault(socket, List.of()), text)) {
        continue;
      }
      try {
        write(socket, text);
      } catch (IOException e) {
        // that client is gone
      }
    }
  }

  private static boolean passes(List<String> sessionFilters, String text) {
    List<String> white = sessionFilters.stream().filter(f -> !f.startsWith("!")).toList();
    boolean blacklisted = sessionFilters.stream().filter(f -> f.startsWith("!"))
        .anyMatch(f -> java.util.regex.Pattern.compile(f.substring(1)).matcher(text).find());
    return !blacklisted && (white.isEmpty() || white.stream().anyMatch(f -> java.util.regex.Pattern.compile(f).matcher(text).find()));
  }

  void emitAll(List<Map<String, String>> events) {
    events.forEach(this::emit);
  }

  /** Closes every session as a restarting Asterisk would; the port keeps listening for the reconnect. */
  void dropConnections() {
    for (Socket socket : clients) {
      try {
        socket.close();
      } catch (IOException e) {
        // closed anyway
      }
    }
  }

  int connections() {
    return clients.size();
  }

  /**
   * A channel as CoreShowChannels lists it: the snapshot's fields, the application it runs, how long
   * since it was created ({@code HH:MM:SS}) and the bridge it is in (empty when none).
   */
  void channel(AsteriskEvents.Leg leg, int state, String connectedNum, String application, String data, java.time.Duration age,
      String bridgeId) {
    Map<String, String> fields = leg.snapshot("", state, connectedNum, 1);
    fields.put("Application", application);
    fields.put("ApplicationData", data);
    fields.put("Duration", "%02d:%02d:%02d".formatted(age.toHours(), age.toMinutesPart(), age.toSecondsPart()));
    fields.put("BridgeId", bridgeId);
    liveChannels.put(leg.uniqueId(), fields);
  }

  /** A client's call that rang desk {@code desk} for a while, ringing there still or talking: both channels. */
  void callAtDesk(String client, String desk, String linkedId, boolean ringing, java.time.Duration since,
      java.time.Duration deskSince) {
    AsteriskEvents.Leg trunk = AsteriskEvents.client(client, linkedId);
    AsteriskEvents.Leg phone = AsteriskEvents.desk(desk, linkedId, 1);
    String bridge = ringing ? "" : "b-" + linkedId;
    channel(trunk, ringing ? 4 : 6, ringing ? "<unknown>" : desk, "Dial", "PJSIP/" + desk + ",15,tT", since, bridge);
    channel(phone, ringing ? 5 : 6, client, "AppDial", "(Outgoing Line)", deskSince, bridge);
  }

  void callAtDesk(String client, String desk, String linkedId, boolean ringing) {
    callAtDesk(client, desk, linkedId, ringing, java.time.Duration.ofSeconds(14), java.time.Duration.ofSeconds(9));
  }

  /** A client's call alone in the dialplan (in the AGI, or between two Dials): one channel. */
  void channelAlive(String uniqueId, String linkedId) {
    channel(AsteriskEvents.client("79126007080", linkedId), 6, "<unknown>", "AGI", "agi://voronka:4573/route",
        java.time.Duration.ofSeconds(12), "");
  }

  /** A device's state changes: kept for DeviceStateList and written to every session as res_manager_devicestate does. */
  void deviceState(String device, String state) {
    deviceStates.put(device, state);
    emit(AsteriskEvents.deviceState(device, state));
  }

  /** A device's state changed while nobody listened (Voronka restarting, the link down): only DeviceStateList tells. */
  void deviceStateMeanwhile(String device, String state) {
    deviceStates.put(device, state);
  }

  /** The next Originate's desk does not answer as it should: Asterisk's OriginateResponse Failure with this Reason. */
  void failNextOriginate(int reason) {
    originateFailure = reason;
  }

  void channelGone(String uniqueId) {
    liveChannels.remove(uniqueId);
  }

  void failAction(String action, String message) {
    errors.put(action.toLowerCase(), message);
  }

  /** The first recorded action of that name, waiting up to the timeout for it to arrive. */
  Map<String, String> awaitAction(String name, long timeout, TimeUnit unit) throws InterruptedException {
    long until = System.nanoTime() + unit.toNanos(timeout);
    while (System.nanoTime() < until) {
      for (Map<String, String> action : actions) {
        if (name.equalsIgnoreCase(action.get("Action"))) {
          return action;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("No " + name + " action within " + timeout + " " + unit);
  }

  List<Map<String, String>> actions() {
    return List.copyOf(actions);
  }

  @Override
  public void close() throws IOException {
    open = false;
    dropConnections();
    server.close();
  }

  static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String response(String response, String actionId, Map<String, String> more) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Response", response);
    fields.put("ActionID", actionId);
    fields.putAll(more);
    return packet(fields);
  }

  private static String packet(Map<String, String> fields) {
    StringBuilder text = new StringBuilder();
    fields.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
    return text.append("\r\n").toString();
  }

  private static synchronized void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
