package ru.voronka.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** I2CRM: its API address and token, our channel there, and the secret that signs its webhooks. */
@ConfigurationProperties("voronka.whatsapp.i2crm")
public record I2crmProperties(String baseUrl, String token, String channelId, String webhookSecret) {}
