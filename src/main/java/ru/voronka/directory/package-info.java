/**
 * Who is who: employees (each a Camunda user), departments, CRM positions, counterparties and their
 * contacts with phones in E.164. Other modules read it through {@link ru.voronka.directory.Directory}.
 */
package ru.voronka.directory;
