package ru.voronka.workspace;

/** Who is looking at a workspace page, as the page frame needs it. */
public record WorkspaceUser(String userId, String fullName, boolean admin, boolean headOfSales, boolean analyst,
    int popupMinutes) {}
