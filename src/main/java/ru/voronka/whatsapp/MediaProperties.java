package ru.voronka.whatsapp;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where clients' files may be fetched from ({@code voronka.whatsapp.media}): {@code hosts} per
 * provider — only HTTPS from these hosts ({@code *.example.com} for its subdomains); {@code maxBytes}
 * — larger files are refused (10 MB, what the chat keeps); {@code trustLoopbackForTests} — the tests'
 * stand-ins live on plain HTTP at 127.0.0.1: never set it anywhere else.
 */
@ConfigurationProperties("voronka.whatsapp.media")
record MediaProperties(Long maxBytes, Map<String, List<String>> hosts, boolean trustLoopbackForTests) {

  static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  MediaProperties {
    maxBytes = maxBytes == null || maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
    hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
  }

  List<String> hostsOf(String provider) {
    return hosts.getOrDefault(provider, List.of());
  }
}
