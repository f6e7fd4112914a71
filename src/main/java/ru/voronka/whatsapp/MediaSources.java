package ru.voronka.whatsapp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which links of a webhook we follow for a client's file. A link comes from outside, so it could
 * point at anything our server reaches — its own admin ports, the cloud's metadata service, the
 * office network. Only HTTPS, only to the provider's own hosts ({@link MediaProperties#hosts()}), and
 * only when every address the host resolves to is public: no loopback, private, link-local,
 * carrier-grade NAT, multicast or unspecified address. (The JDK resolves the host again to connect;
 * the allow-list is what keeps a name that changes its answer in between out.)
 */
final class MediaSources {

  /** A file we will not fetch, or that its provider refuses for good: no retry helps. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }

  private final MediaProperties properties;

  MediaSources(MediaProperties properties) {
    this.properties = properties;
  }

  URI check(String provider, String url) throws Refused {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      throw new Refused("ссылка на файл не разобрана");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || uri.getUserInfo() != null) {
      throw new Refused("ссылка на файл без адреса сервера");
    }
    boolean testStandIn = properties.trustLoopbackForTests() && "http".equalsIgnoreCase(uri.getScheme());
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !testStandIn) {
      throw new Refused("файл не по HTTPS: " + host);
    }
    if (properties.hostsOf(provider).stream().noneMatch(allowed -> matches(host, allowed))) {
      throw new Refused("файл не на сервере провайдера: " + host);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused("сервер файла не найден: " + host);
    }
    for (InetAddress address : addresses) {
      boolean loopbackAllowed = testStandIn && address.isLoopbackAddress();
      if (!loopbackAllowed && !isPublic(address)) {
        throw new Refused("сервер файла во внутренней сети: " + host);
      }
    }
    return uri;
  }

  private static boolean matches(String host, String allowed) {
    String pattern = allowed.strip().toLowerCase(Locale.ROOT);
    return pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern);
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 && !(first == 100 && second >= 64 && second <= 127) // 0/8, carrier-grade NAT 100.64/10
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 240; // 192.0.0/24, reserved 240/4
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
        return false;
      }
      boolean v4Mapped = true;
      for (int i = 0; i < 10; i++) {
        v4Mapped &= b[i] == 0;
      }
      if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d — judged as IPv4
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
