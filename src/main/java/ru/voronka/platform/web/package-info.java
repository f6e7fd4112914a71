/** Refusals as domain exceptions with their HTTP meaning, error pages and problem details, pages of results: what every module answers with. */
@org.springframework.modulith.NamedInterface("web")
package ru.voronka.platform.web;
