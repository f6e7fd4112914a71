/**
 * What every module stands on: the Camunda engine's configuration and model deployment, roles and
 * authorizations, security, error handling and the OpenAPI description. It knows no business module.
 */
package ru.voronka.platform;
