package ru.voronka.deals;

import ru.voronka.platform.web.DomainException;

public class DealNotFoundException extends DomainException {

  public DealNotFoundException(Long id) {
    super(Kind.NOT_FOUND, "Сделка №" + id + " не найдена");
  }
}
