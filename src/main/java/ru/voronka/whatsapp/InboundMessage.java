package ru.voronka.whatsapp;

import java.time.Instant;
import java.util.List;

/**
 * A client's message as a provider delivered it. {@code externalId} is "provider:id", unique across
 * providers; {@code missedCall}: the provider reports a missed WhatsApp call, not a text;
 * {@code media}: files the provider holds for us, fetched when the message is stored; {@code groupId}:
 * written in a group the provider holds for a deal ({@link DealGroups}).
 */
public record InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
    boolean missedCall, List<MediaRef> media, String groupId) {

  public InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt,
      boolean missedCall, List<MediaRef> media) {
    this(externalId, phone, senderName, text, receivedAt, missedCall, media, null);
  }

  public InboundMessage(String externalId, String phone, String senderName, String text, Instant receivedAt, boolean missedCall) {
    this(externalId, phone, senderName, text, receivedAt, missedCall, List.of());
  }

  /** A file at a provider: a plain URL (Wazzup's {@code contentUri}) or a Cloud API media id. */
  public record MediaRef(String url, String cloudMediaId, String fileName) {

    static MediaRef url(String url) {
      return new MediaRef(url, null, null);
    }

    static MediaRef cloud(String mediaId, String fileName) {
      return new MediaRef(null, mediaId, fileName);
    }
  }
}
