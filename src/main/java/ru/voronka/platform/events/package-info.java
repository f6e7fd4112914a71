/**
 * Events between modules: published by the module that owns the fact ({@code DealStageEntered},
 * {@code CallFinished}…), consumed with {@code @ApplicationModuleListener}, and kept by Spring
 * Modulith's publication registry until consumed.
 */
package ru.voronka.platform.events;
