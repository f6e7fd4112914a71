/**
 * Live updates to open browser pages over Server-Sent Events: a new message, a pop-up, later a
 * ringing call. Events are published inside the transaction that causes them and leave only when
 * it commits, so a page never hears of a row it cannot read yet. With several nodes on one
 * PostgreSQL, events travel between nodes by LISTEN/NOTIFY (PLT-4).
 */
@org.springframework.modulith.NamedInterface("live")
package ru.voronka.platform.live;
