package ru.voronka.chat;

/** A file someone attaches to a message. */
public record Upload(String fileName, String contentType, byte[] content) {

  public static final long MAX_BYTES = 10L * 1024 * 1024;
}
