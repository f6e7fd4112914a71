package ru.voronka.onec;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voronka.onec.*}.
 *
 * @param url the OData root of the 1C publication, e.g. {@code https://1c.example.ru/trade/odata/standard.odata}
 */
@ConfigurationProperties("voronka.onec")
public record OneCProperties(@DefaultValue("simulator") Mode mode, String url, String user, String password,
    @DefaultValue("PT10S") Duration timeout) {

  public enum Mode {
    /** The demo: an in-memory 1C that answers every client with a KP. */
    SIMULATOR,
    /** Production: 1C's standard OData interface. */
    ODATA
  }
}
