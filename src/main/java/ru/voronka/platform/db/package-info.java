/**
 * What the modules ask of the database beyond JPA: today, a plan per run for the queries whose best plan
 * depends on the values ({@link ru.voronka.platform.db.CustomPlans}).
 */
@org.springframework.modulith.NamedInterface("db")
package ru.voronka.platform.db;
