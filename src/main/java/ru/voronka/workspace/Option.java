package ru.voronka.workspace;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A choice in a select: the code the server takes, the Russian title the user reads. */
public record Option(String code, String title) {

  static <E extends Enum<E>> List<Option> of(E[] values, Function<E, String> title) {
    return Arrays.stream(values).map(v -> new Option(v.name(), title.apply(v))).toList();
  }

  static <E extends Enum<E>> List<Option> of(List<E> values, Function<E, String> title) {
    return values.stream().map(v -> new Option(v.name(), title.apply(v))).toList();
  }
}
