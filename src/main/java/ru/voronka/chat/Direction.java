package ru.voronka.chat;

public enum Direction {
  /** From the client. */
  INCOMING,
  /** To the client. */
  OUTGOING,
  /** Between employees. */
  INTERNAL
}
