package ru.voronka.directory;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose number is this: a known client's phone is shown by the contact's name wherever it appears
 * (chats, the call journal, the call card), never as a bare number. Looked up in one query for a
 * whole page of numbers.
 */
@Service
@Transactional(readOnly = true)
public class KnownNumbers {

  /** A contact's number: the contact, and the counterparty it belongs to. */
  public record Known(String number, String contactName, Long counterpartyId, String counterpartyName) {

    /** «Соколов Андрей (ООО «Уралмет»)», or the counterparty's name alone when the contact is named after it. */
    public String label() {
      if (contactName == null || contactName.isBlank() || contactName.equalsIgnoreCase(counterpartyName)) {
        return counterpartyName;
      }
      return counterpartyName == null ? contactName : contactName + " (" + counterpartyName + ")";
    }
  }

  private final EntityManager entities;

  KnownNumbers(EntityManager entities) {
    this.entities = entities;
  }

  public Optional<Known> of(String anySpelling) {
    String e164 = PhoneNumbers.normalize(anySpelling);
    return e164 == null ? Optional.empty() : Optional.ofNullable(of(Set.of(e164)).get(e164));
  }

  /** Keyed by E.164; numbers in any spelling are looked up, unknown ones are left out. The main contact wins a shared number. */
  public Map<String, Known> of(Collection<String> anySpellings) {
    Set<String> numbers = new LinkedHashSet<>();
    anySpellings.stream().filter(Objects::nonNull).map(PhoneNumbers::normalize).filter(Objects::nonNull).forEach(numbers::add);
    Map<String, Known> known = new HashMap<>();
    if (numbers.isEmpty()) {
      return known;
    }
    entities.createQuery("""
            select p.number, c.fullName, cp.id, cp.name from ContactPhone p join p.contact c join c.counterparty cp
            where p.number in :numbers order by c.main desc, c.id""", Object[].class)
        .setParameter("numbers", numbers).getResultList()
        .forEach(row -> known.putIfAbsent((String) row[0], new Known((String) row[0], (String) row[1], (Long) row[2], (String) row[3])));
    return known;
  }

  /** An author or caller as people read them: a known number becomes the contact's label; anything else stays. */
  public String nameOf(String numberOrName) {
    if (numberOrName == null || PhoneNumbers.normalize(numberOrName) == null || !numberOrName.matches("[+0-9 ()\\-]{5,}")) {
      return numberOrName;
    }
    return of(numberOrName).map(Known::label).orElse(numberOrName);
  }
}
