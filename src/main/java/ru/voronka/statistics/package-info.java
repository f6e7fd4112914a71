/**
 * Statistics and plans (TEL-3, TEL-11): each manager's calls, events, sales, correspondence and
 * tasks per period, and their plan against the fact — as tables and as charts.
 */
package ru.voronka.statistics;
