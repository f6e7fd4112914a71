/** The audit trail: who did what that must be checkable later (a deleted message, WA-8). */
@org.springframework.modulith.NamedInterface("audit")
package ru.voronka.platform.audit;
