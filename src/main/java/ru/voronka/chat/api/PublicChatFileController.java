package ru.voronka.chat.api;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.chat.ChatAttachment;
import ru.voronka.chat.ChatReading;

/**
 * A file of a message to a client, opened by the signed link the provider downloads it by
 * ({@link ru.voronka.chat.ChatFileLinks}; Wazzup's {@code contentUri}): no account, no redirect.
 */
@io.swagger.v3.oas.annotations.Hidden // for the providers' downloads, not part of Voronka's API
@RestController
class PublicChatFileController {

  private final ChatReading reading;

  PublicChatFileController(ChatReading reading) {
    this.reading = reading;
  }

  @GetMapping({"/public/chat-files/{id}", "/public/chat-files/{id}/{name}"})
  ResponseEntity<byte[]> open(@PathVariable Long id, @RequestParam(name = "e", defaultValue = "0") long expires,
      @RequestParam(name = "t", required = false) String token) {
    ChatAttachment file = reading.attachmentByLink(id, expires, token);
    MediaType type;
    try {
      type = MediaType.parseMediaType(file.getContentType());
    } catch (RuntimeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.getFileName(),
            StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(type)
        .body(file.getContent());
  }
}
