package ru.voronka.messaging;

import java.util.Optional;

/** Where a deal's client group lives at the provider, when the provider holds groups itself. */
public interface ClientGroups {

  /** The provider's group id of the deal's client group, once the provider has created it. */
  Optional<String> groupOf(long dealId);
}
