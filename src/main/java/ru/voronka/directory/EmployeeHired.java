package ru.voronka.directory;

/** Published in the hiring transaction: other modules set up what a new employee needs (their chats). */
public record EmployeeHired(Long employeeId) {}
