package ru.voronka.whatsapp;

import ru.voronka.chat.MessageStatus;

/** A provider's delivery status of one of our messages ("provider:id"), with the reason of a failure. */
record StatusChange(String externalId, MessageStatus status, String reason) {}
