package ru.voronka.sms;

/**
 * A gateway's delivery receipt for one of our SMS: {@code id} is the id the gateway gave when it
 * took the message; {@code delivered} false when it reports the SMS undeliverable, expired or
 * rejected ({@code state} says which).
 */
public record SmsDelivered(String channel, String id, boolean delivered, String state) {}
