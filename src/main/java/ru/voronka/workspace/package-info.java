/**
 * The web workspace (PLT-2): server-rendered pages in Russian — Freemarker views, htmx for partial
 * updates, Server-Sent Events for what arrives while a page is open. Pages only show and forward:
 * the rules live in the services of the deals, directory and chat modules.
 */
package ru.voronka.workspace;
