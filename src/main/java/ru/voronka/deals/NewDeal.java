package ru.voronka.deals;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What it takes to open a deal: an existing client by id, or a new client's card. */
public record NewDeal(String title, Long counterpartyId, NewClient client, BigDecimal amount, BigDecimal margin,
    String direction, Priority priority, LocalDate deliveryDate) {

  public record NewClient(String name, String inn, String region, String contactName, String phone, String email) {}
}
