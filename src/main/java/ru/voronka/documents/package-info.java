/**
 * Documents (DOC-1, DOC-2, WA-10): КП, счёт, договор, счёт-договор, ТОРГ-12, акт and УПД rendered
 * from Freemarker HTML/CSS templates to PDF (openhtmltopdf, DejaVu fonts embedded), each with the
 * deal group's QR code; numbered per type per year, versioned per deal (who, when, why, SHA-256);
 * signed scans kept as «Подписан» versions and mailed to the accountants; sent to the client through
 * the chat's outbox and by e-mail. Owns the company's requisites and the buyers' extra requisites.
 *
 * <p>It uses {@code deals} (the deal, its lines, its access rules, its history), {@code directory},
 * {@code whatsapp} (the join link), {@code chat} (the client outbox) and {@code notifications} (mail);
 * nothing uses it but the workspace and the funnel's BPMN, whose delegates live in
 * {@code documents.process} — so it never forms a cycle with {@code deals}.
 */
package ru.voronka.documents;
