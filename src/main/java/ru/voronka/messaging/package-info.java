/**
 * Messages to clients. The {@link ru.voronka.messaging.ClientMessenger} port is what the funnel
 * calls; today its adapter only hands the message over and confirms it (the deal's log records the
 * send); the WhatsApp and SMS providers plug in behind the same port.
 */
package ru.voronka.messaging;
