package ru.voronka.notifications;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  Page<Notification> findByRecipient(String recipient, Pageable pageable);

  Page<Notification> findByRecipientAndReadAtIsNull(String recipient, Pageable pageable);

  long countByRecipientAndReadAtIsNull(String recipient);

  Optional<Notification> findByIdAndRecipient(Long id, String recipient);
}
