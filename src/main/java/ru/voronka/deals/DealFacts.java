package ru.voronka.deals;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Questions the models' gateways ask about a deal ({@code ${dealFacts.suppliedFromOneC(dealId)}}). */
@Component("dealFacts")
@Transactional(readOnly = true)
public class DealFacts {

  private final DealRepository deals;

  DealFacts(DealRepository deals) {
    this.deals = deals;
  }

  /** FUN-4: KP and nomenclature come from 1C when the deal's direction contains «Россия». */
  public boolean suppliedFromOneC(Long dealId) {
    return deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId)).suppliedFromOneC();
  }
}
