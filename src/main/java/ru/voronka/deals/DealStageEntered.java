package ru.voronka.deals;

/** A deal moved to a stage of its funnel (FUN-2), published in the transaction that moved it. */
public record DealStageEntered(Long dealId, DealStage from, DealStage stage) {}
