package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Оставить группу в Voronka»: the deal's group keeps working as a group Voronka relays; the reason is kept. */
@Component("keepGroupRelayed")
class KeepGroupRelayed implements JavaDelegate {

  private final DealGroups groups;

  KeepGroupRelayed(DealGroups groups) {
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    groups.keepRelayed(((Number) execution.getVariable("dealId")).longValue(), (String) execution.getVariable("groupError"));
  }
}
