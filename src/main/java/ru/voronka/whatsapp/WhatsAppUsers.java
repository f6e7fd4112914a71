package ru.voronka.whatsapp;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.voronka.directory.PhoneNumbers;

/**
 * Clients known by a business-scoped user id (BSUID) as well as by number: a WhatsApp user with a
 * username may write without the number (Cloud API, 2026). Once a message brings both and the number
 * is a contact's, the id is kept on that contact's number; later messages that bring the id alone
 * are the same client. A contact's number edited away takes the id with it — the next message that
 * carries both learns it again.
 */
@Component
class WhatsAppUsers {

  private final JdbcTemplate jdbc;

  WhatsAppUsers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The message as routing needs it: with the client's number when only their id came and the id is known. */
  InboundMessage identified(InboundMessage message) {
    if (message.userId() == null) {
      return message;
    }
    if (message.phone() != null) {
      remember(message.userId(), message.phone());
      return message;
    }
    return numberOf(message.userId()).map(message::withPhone).orElse(message);
  }

  Optional<String> numberOf(String userId) {
    List<String> numbers = jdbc.queryForList("select number from contact_phone where whatsapp_user_id = ? order by id",
        String.class, userId);
    return numbers.stream().findFirst();
  }

  private void remember(String userId, String phone) {
    String number = PhoneNumbers.e164(phone);
    if (number != null) { // only a contact's number keeps it: a stranger's id is not stored on anyone
      jdbc.update("""
          update contact_phone set whatsapp_user_id = ?
          where number = ? and (whatsapp_user_id is null or whatsapp_user_id <> ?)""", userId, number, userId);
    }
  }
}
