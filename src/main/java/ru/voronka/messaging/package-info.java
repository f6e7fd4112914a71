/**
 * Messages to clients. The {@link ru.voronka.messaging.ClientMessenger} port is what the chat's
 * outbox calls, one provider message at a time: a text, one file (its bytes and a signed link), or an
 * approved template; the port also lists the provider's templates (the Cloud API's 24-hour window).
 * The WhatsApp providers (Wazzup, I2CRM, the Cloud API, the demo's simulator) and the journal plug in
 * behind it.
 */
package ru.voronka.messaging;
