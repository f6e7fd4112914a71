/**
 * The first run's demo: users for every role, clients, and deals standing at several stages, all
 * made through the same services and processes a user drives — so their histories are real.
 * Only when {@code voronka.demo.enabled} and the directory is empty.
 */
package ru.voronka.demo;
