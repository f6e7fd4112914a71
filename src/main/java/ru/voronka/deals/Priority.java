package ru.voronka.deals;

public enum Priority {
  A, B, C
}
