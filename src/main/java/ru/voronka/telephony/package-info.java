/** Telephony: the port the workspace calls clients through (the Asterisk adapter comes with TEL-1 … TEL-11). */
package ru.voronka.telephony;
