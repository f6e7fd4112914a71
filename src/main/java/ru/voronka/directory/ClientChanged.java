package ru.voronka.directory;

/**
 * A client's card was written — its name, ИНН, a contact, a phone or an e-mail. Published while the change
 * is flushed, inside its transaction, so that what is derived from the card (the deals' search text)
 * changes in the same commit.
 */
public record ClientChanged(Long counterpartyId) {}
