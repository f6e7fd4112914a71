package ru.voronka.directory;

import org.jmolecules.event.annotation.DomainEvent;

/** Published in the hiring transaction: other modules set up what a new employee needs (their chats). */
@DomainEvent
public record EmployeeHired(Long employeeId) {}
