package ru.voronka.workspace;

/**
 * Who is looking at a workspace page, as the page frame needs it; {@code openCallId}: their oldest
 * call still waiting for «Итог звонка», whose card every page keeps open (TEL-8).
 */
public record WorkspaceUser(String userId, String fullName, boolean admin, boolean headOfSales, boolean analyst,
    int popupMinutes, Long openCallId) {}
