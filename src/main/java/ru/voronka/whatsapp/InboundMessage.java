package ru.voronka.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A client's message as a provider delivered it. {@code externalId} is "provider:id", unique across
 * providers; {@code phone}: the sender's number, absent for a WhatsApp user who shows a username
 * instead; {@code userId}: the Cloud API's business-scoped user id (BSUID), which such a user is
 * known by; {@code text}: what the client wrote or chose, or what kind of message it is, in words;
 * {@code missedCall}: the provider reports a missed WhatsApp call, not a text; {@code media}: files
 * the provider holds for us, fetched after the message is stored; {@code groupId}: written in a
 * group the provider holds for a deal ({@link DealGroups}); {@code channel}: the provider's channel (sender
 * number) it came to — Wazzup's {@code channelId}, the Cloud API's {@code phone_number_id} — which answers go
 * back through (WA-11).
 */
public record InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
    boolean missedCall, List<MediaRef> media, String groupId, String userId, String channel) {

  static final int MAX_TEXT = 10_000;
  static final int MAX_NAME = 200;
  static final int MAX_ID = 200;

  /** Cut to what the chat keeps: a long text or name must not fail the delivery it came in. */
  public InboundMessage {
    text = cut(text, MAX_TEXT);
    senderName = cut(senderName, MAX_NAME);
    externalId = externalId == null || externalId.length() <= MAX_ID ? externalId : shortened(externalId);
    media = media == null ? List.of() : List.copyOf(media);
    phone = phone == null || phone.isBlank() ? null : phone;
    userId = userId == null || userId.isBlank() ? null : userId;
    channel = channel == null || channel.isBlank() || channel.length() > 100 ? null : channel; // the column's width
  }

  public InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
      boolean missedCall, List<MediaRef> media, String groupId, String userId) {
    this(externalId, phone, senderName, text, receivedAt, missedCall, media, groupId, userId, null);
  }

  public InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
      boolean missedCall, List<MediaRef> media, String groupId) {
    this(externalId, phone, senderName, text, receivedAt, missedCall, media, groupId, null);
  }

  public InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
      boolean missedCall, List<MediaRef> media) {
    this(externalId, phone, senderName, text, receivedAt, missedCall, media, null);
  }

  public InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt, boolean missedCall) {
    this(externalId, phone, senderName, text, receivedAt, missedCall, List.of());
  }

  /** The same message from a sender now known by their number. */
  InboundMessage withPhone(String number) {
    return new InboundMessage(externalId, number, senderName, text, receivedAt, missedCall, media, groupId, userId, channel);
  }

  /** The same message, come to this channel of its provider. */
  InboundMessage withChannel(String channelRef) {
    return new InboundMessage(externalId, phone, senderName, text, receivedAt, missedCall, media, groupId, userId, channelRef);
  }

  /** A file at a provider: a plain URL (Wazzup's {@code contentUri}) or a Cloud API media id. */
  public record MediaRef(String provider, String url, String cloudMediaId, String fileName) {

    static MediaRef url(String provider, String url) {
      return new MediaRef(provider, url, null, null);
    }

    static MediaRef cloud(String mediaId, String fileName) {
      return new MediaRef(CloudApiMessenger.PROVIDER, null, mediaId, fileName);
    }
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  /** A provider id too long for the column: the same id always gives the same key, so a redelivery is still recognised. */
  private static String shortened(String externalId) {
    int colon = externalId.indexOf(':');
    String provider = colon > 0 && colon < 20 ? externalId.substring(0, colon) : "id";
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
      return provider + ":sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
