package ru.voronka.deals;

/** Published in the transaction that creates a deal: other modules set up what a deal comes with (its chats). */
public record DealCreated(Long dealId) {}
