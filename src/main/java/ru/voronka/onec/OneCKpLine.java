package ru.voronka.onec;

import java.math.BigDecimal;

/** A row of the KP's goods table; {@code code} and {@code name} come from the nomenclature catalog. */
public record OneCKpLine(int lineNo, String code, String name, String unit, BigDecimal quantity, BigDecimal price) {}
