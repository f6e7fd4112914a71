/**
 * SMS (WA-9, TEL-10): one port, {@link ru.voronka.sms.SmsPort}, with a GSM-gateway adapter over
 * SMPP that picks the gateway's SIM of the recipient's carrier (an SMS inside one network is
 * cheap), a WhatsApp adapter, and the demo's simulator.
 */
package ru.voronka.sms;
