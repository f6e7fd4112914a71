package ru.voronka.directory;

/** An employee's desk extension was set or cleared (published inside the changing transaction). */
public record DeskAssigned(String userId, String extension) {}
