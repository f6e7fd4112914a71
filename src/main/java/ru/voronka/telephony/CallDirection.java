package ru.voronka.telephony;

/** Which way a call goes: from the client to us, or from us to the client. */
public enum CallDirection {
  INCOMING, OUTGOING
}
