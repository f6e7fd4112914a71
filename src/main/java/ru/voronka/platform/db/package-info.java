/**
 * What the modules ask of the database beyond JPA: a plan per run for the queries whose best plan
 * depends on the values ({@link ru.voronka.platform.db.CustomPlans}); state kept for a transaction
 * until just before it commits ({@link ru.voronka.platform.db.TransactionScoped}).
 */
@org.springframework.modulith.NamedInterface("db")
package ru.voronka.platform.db;
