package ru.voronka.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays Asterisk's side of a FastAGI call ({@code AGI(agi://host:port/route)}): the channel's
 * {@code agi_*} environment, then {@code 200 result=1} to every command the script sends, until
 * the script hangs up the socket. Returns the commands, in order.
 */
final class FastAgiClient {

  private FastAgiClient() {}

  static List<String> call(int port, String script, String callerId, String uniqueId) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      String environment = String.join("\n",
          "agi_network: yes",
          "agi_network_script: " + script,
          "agi_request: agi://127.0.0.1:" + port + "/" + script,
          "agi_channel: PJSIP/trunk-0000000c",
          "agi_language: ru",
          "agi_type: PJSIP",
          "agi_uniqueid: " + uniqueId,
          "agi_version: 22.10.1",
          "agi_callerid: " + callerId,
          "agi_calleridname: unknown",
          "agi_callingpres: 0",
          "agi_callingani2: 0",
          "agi_callington: 0",
          "agi_callingtns: 0",
          "agi_dnid: 74956498447",
          "agi_rdnis: unknown",
          "agi_context: from-trunk",
          "agi_extension: 74956498447",
          "agi_priority: 2",
          "agi_enhanced: 0.0",
          "agi_accountcode: ",
          "agi_threadid: 140123456789",
          "", "");
      out.write(environment.getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      List<String> commands = new ArrayList<>();
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        commands.add(line);
        out.write("200 result=1\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      return commands;
    }
  }
}
