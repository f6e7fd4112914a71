/**
 * Time is an input: one {@link java.time.Clock} bean is the only source of "now" for every rule
 * (routing hours, the once-a-day reply, deadlines, statistics periods, plans, reminders), for the
 * rows' write times and for the Camunda engine's timers and due dates. Tests put a clock of their
 * own in its place.
 */
@org.springframework.modulith.NamedInterface("time")
package ru.voronka.platform.time;
