/**
 * The WhatsApp hub (WA-1 … WA-11): provider adapters behind {@link ru.voronka.messaging.ClientMessenger}
 * for sending, provider webhooks for receiving, and {@link ru.voronka.whatsapp.WhatsAppInbox}, which
 * stores each incoming message once and routes it to the chat of the client's deal — or answers a
 * stranger politely.
 */
package ru.voronka.whatsapp;
