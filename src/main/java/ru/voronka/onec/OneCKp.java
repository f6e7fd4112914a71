package ru.voronka.onec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A commercial offer (КП) as 1C keeps it. */
public record OneCKp(String ref, String number, LocalDate date, BigDecimal total, List<OneCKpLine> lines) {}
