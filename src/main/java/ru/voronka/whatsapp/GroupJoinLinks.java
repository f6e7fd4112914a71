package ru.voronka.whatsapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * WA-10's link to a deal's client group, printed as a QR code on its documents: it opens WhatsApp
 * with a message to the company number that names the deal and carries a code — an HMAC of the
 * deal's number with a server secret, so it can be neither guessed nor carried over to another deal.
 */
@Component
public class GroupJoinLinks {

  /**
   * At most 18 digits, and no digit after them: every deal number fits a long, and a longer run of
   * digits is no code of ours — an ordinary message, not an exception that rolls back the delivery.
   */
  private static final Pattern JOIN = Pattern.compile("сделки №(\\d{1,18})(?!\\d)[^A-Za-z0-9_-]*код ([A-Za-z0-9_-]{12})");

  public record JoinCode(long dealId, String code) {}

  private final byte[] secret;
  private final String companyNumber;

  GroupJoinLinks(@Value("${voronka.whatsapp.join-secret}") String secret,
      @Value("${voronka.whatsapp.company-number}") String companyNumber) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException("voronka.whatsapp.join-secret must be at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.companyNumber = companyNumber.replaceAll("\\D", "");
  }

  public String code(long dealId) {
    byte[] digest = HmacSha256.of(secret, ("voronka-deal-group:" + dealId).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
  }

  public String joinText(long dealId) {
    return "Хочу вступить в группу сделки №" + dealId + ", код " + code(dealId);
  }

  /** A wa.me link: WhatsApp opens a chat with the company number, the join text typed in. */
  public String link(long dealId) {
    return "https://wa.me/" + companyNumber + "?text=" + URLEncoder.encode(joinText(dealId), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** The join code a client's message carries, if it carries one. */
  Optional<JoinCode> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = JOIN.matcher(text);
    return m.find() ? Optional.of(new JoinCode(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
  }

  boolean valid(JoinCode join) {
    return MessageDigest.isEqual(code(join.dealId()).getBytes(StandardCharsets.US_ASCII),
        join.code().getBytes(StandardCharsets.US_ASCII));
  }
}
