package ru.voronka.directory;

import org.jmolecules.event.annotation.DomainEvent;

/** An employee's desk extension was set or cleared (published inside the changing transaction). */
@DomainEvent
public record DeskAssigned(String userId, String extension) {}
