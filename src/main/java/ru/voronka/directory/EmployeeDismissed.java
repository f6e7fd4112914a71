package ru.voronka.directory;

import org.jmolecules.event.annotation.DomainEvent;

/** Published in the dismissal's transaction: the employee no longer works here (their card stays, inactive). */
@DomainEvent
public record EmployeeDismissed(Long employeeId, String userId) {}
