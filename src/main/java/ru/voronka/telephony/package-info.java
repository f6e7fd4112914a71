/**
 * Telephony (TEL-1 … TEL-9, TEL-11): the PBX port and its adapters (Asterisk over AMI, the demo's
 * simulator), the call journal with its screen pop, routing by the DMN table, «Итог звонка», and
 * client events with reminders.
 */
package ru.voronka.telephony;
