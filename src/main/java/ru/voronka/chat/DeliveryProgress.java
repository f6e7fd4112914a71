package ru.voronka.chat;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What part of a message already reached the provider, written in a transaction of its own: when a
 * later part fails the job's transaction rolls back and the job is retried, and the retry must not send
 * the text or a file again (the Cloud API takes no idempotency key).
 */
@Component
class DeliveryProgress {

  private final ChatMessageRepository messages;
  private final ChatAttachmentRepository attachments;

  DeliveryProgress(ChatMessageRepository messages, ChatAttachmentRepository attachments) {
    this.messages = messages;
    this.attachments = attachments;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void textSent(Long messageId, String externalId) {
    messages.identifyText(messageId, externalId);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void fileSent(Long attachmentId, String externalId) {
    attachments.record(attachmentId, MessageStatus.SENT, null, externalId);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void fileFailed(Long attachmentId, String reason) {
    attachments.record(attachmentId, MessageStatus.FAILED, reason, null);
  }
}
