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
 * Asterisk 20 does — the greeting, {@code Challenge}/MD5 {@code Login}, {@code CoreSettings},
 * {@code CoreShowChannels} with its event list, {@code Logoff} — records every other action and
 * answers it like Asterisk queues an Originate, and pushes events to every connected client —
 * through the session's {@code Filter}s, as Asterisk 13+ does (a whitelist of regular expressions
 * over the event's text; {@code !} in front blacklists).
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
  private final Map<String, Map<String, String>> liveChannels = new ConcurrentHashMap<>();
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
      write(socket, "Asterisk Call Manager/9.0.0\r\n");
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
      case "coresettings" -> write(socket, response("Success", id, fields("AMIversion", "9.0.0", "AsteriskVersion", "20.5.0",
          "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "asterisk",
          "CoreRunGroup", "asterisk", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No", "CoreCDRenabled", "Yes",
          "CoreHTTPenabled", "No")));
      case "coreshowchannels" -> {
        write(socket, response("Success", id, fields("EventList", "start", "Message", "Channels will follow")));
        for (Map<String, String> channel : liveChannels.values()) {
          Map<String, String> event = fields("Event", "CoreShowChannel", "ActionID", id);
          event.putAll(channel);
          write(socket, packet(event));
        }
        write(socket, packet(fields("Event", "CoreShowChannelsComplete", "ActionID", id, "EventList", "Complete",
            "ListItems", String.valueOf(liveChannels.size()))));
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
        write(socket, error != null ? response("Error", id, Map.of("Message", error))
            : response("Success", id, Map.of("Message", name + " successfully queued")));
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

  /** A client's channel, talking. */
  void channelAlive(String uniqueId, String linkedId) {
    liveChannels.put(uniqueId, fields("Channel", "PJSIP/trunk-" + uniqueId, "Uniqueid", uniqueId, "Linkedid", linkedId,
        "ChannelState", "6", "ChannelStateDesc", "Up", "CallerIDNum", "79126007080", "Application", "Dial",
        "Duration", "00:00:12"));
  }

  /** A client's call at a desk, {@code ringing} there or talking: the client's channel and the desk's. */
  void callAtDesk(String client, String desk, String linkedId, boolean ringing) {
    liveChannels.put(linkedId, fields("Channel", "PJSIP/trunk-" + linkedId, "Uniqueid", linkedId, "Linkedid", linkedId,
        "ChannelState", ringing ? "4" : "6", "ChannelStateDesc", ringing ? "Ring" : "Up", "CallerIDNum", client,
        "ConnectedLineNum", desk, "Application", "Dial", "Duration", "00:00:04"));
    String deskId = linkedId + "1";
    liveChannels.put(deskId, fields("Channel", "PJSIP/" + desk + "-0000002a", "Uniqueid", deskId, "Linkedid", linkedId,
        "ChannelState", ringing ? "5" : "6", "ChannelStateDesc", ringing ? "Ringing" : "Up", "CallerIDNum", desk,
        "ConnectedLineNum", client,
        "Application", "AppDial", "ApplicationData", "(Outgoing Line)", "Duration", "00:00:04"));
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
