/**
 * Deals and their funnels: the deal with its stage, responsible, amounts and dates, its orders,
 * payment schedule and history log; the «Продажа» and «Инженеры» funnels run as Camunda processes
 * whose delegates live in {@code deals.process}; the REST API in {@code deals.api}. Uses the
 * directory, notifications, messaging, calendar and 1C modules through their public services.
 */
package ru.voronka.deals;
