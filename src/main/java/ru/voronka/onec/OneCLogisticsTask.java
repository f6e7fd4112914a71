package ru.voronka.onec;

import java.time.LocalDate;

public record OneCLogisticsTask(long dealId, String subject, String description, LocalDate dueDate) {}
