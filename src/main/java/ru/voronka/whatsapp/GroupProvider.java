package ru.voronka.whatsapp;

/**
 * A provider that holds WhatsApp groups itself (the Cloud API's Groups API). Creation is
 * asynchronous: the call returns the provider's request id, and the group's id and invite link
 * arrive by webhook. Participants join by the invite link only; a group created with approval
 * required lets Voronka admit or refuse each join request (WA-10).
 */
interface GroupProvider {

  /** @return the provider's request id, which the creation webhook quotes */
  String createGroup(String subject, String description);

  void approveJoin(String groupId, String joinRequestId);

  void rejectJoin(String groupId, String joinRequestId);

  String name();
}
