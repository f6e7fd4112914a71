package ru.voronka.deals;

/** A deal ended, won or lost (FUN-9, «Сделка провалена»), published in the transaction that closed it. */
public record DealClosed(Long dealId, DealStatus status) {}
