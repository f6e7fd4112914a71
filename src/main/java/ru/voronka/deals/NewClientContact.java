package ru.voronka.deals;

import ru.voronka.directory.Contact;
import ru.voronka.directory.Counterparty;

/**
 * The person of a client typed together with a new deal: named as typed, never after the company
 * (a company is not someone to greet); with a number or an address but no name, «Контактное лицо»
 * until someone learns the name.
 */
final class NewClientContact {

  static final String UNNAMED = "Контактное лицо";

  private NewClientContact() {}

  static void add(Counterparty client, String fullName, String phone, String email) {
    boolean named = fullName != null && !fullName.isBlank();
    boolean reachable = phone != null && !phone.isBlank() || email != null && !email.isBlank();
    if (!named && !reachable) {
      return;
    }
    Contact contact = client.addContact(named ? fullName.strip().replaceAll("\\s+", " ") : UNNAMED, null, true);
    if (phone != null && !phone.isBlank()) {
      contact.addPhone(phone);
    }
    if (email != null && !email.isBlank()) {
      contact.addEmail(email.strip().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
