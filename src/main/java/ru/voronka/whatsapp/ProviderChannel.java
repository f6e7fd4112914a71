package ru.voronka.whatsapp;

/** A sender number as a provider reports it: its id there, the number, its state ({@code active} sends) and a name. */
record ProviderChannel(String ref, String phone, String state, String name) {}
