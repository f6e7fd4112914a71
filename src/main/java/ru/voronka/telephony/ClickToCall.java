package ru.voronka.telephony;

/** COM-2's «Позвонить»: ring the employee's phone, then the client's ({@link PbxClickToCall}). */
public interface ClickToCall {

  /** @throws ru.voronka.platform.web.DomainException when the call cannot be placed (no phone, PBX down) */
  void dial(String employeeUserId, String number);
}
