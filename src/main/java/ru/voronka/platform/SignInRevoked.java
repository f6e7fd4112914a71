package ru.voronka.platform;

/** Someone may no longer sign in (an employee dismissed): logins remembered for them are forgotten at once. */
public record SignInRevoked(String userId) {}
