package ru.voronka.deals;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.calendar.WorkingCalendar;
import ru.voronka.platform.RussianFormats;

/**
 * The funnel's deadlines as the models read them ({@code ${dealDeadlines.kpAgreement(dealId)}}):
 * timers and task due dates come from the deal, so a date set by hand is the date the timer keeps.
 */
@Component("dealDeadlines")
@Transactional(readOnly = true)
public class DealDeadlines {

  /** FUN-1: a new request must be taken within an hour. */
  static final Duration NEW_REQUEST = Duration.ofHours(1);

  /** A date deadline means the end of that working day in Moscow. */
  static final LocalTime END_OF_WORKING_DAY = LocalTime.of(18, 0);

  private final DealRepository deals;
  private final WorkingCalendar calendar;

  private final Clock clock;

  DealDeadlines(DealRepository deals, WorkingCalendar calendar, Clock clock) {
    this.clock = clock;
    this.deals = deals;
    this.calendar = calendar;
  }

  public Date newRequest(Long dealId) {
    return Date.from(deal(dealId).getCreatedAt().plus(NEW_REQUEST));
  }

  public Date kpAgreement(Long dealId) {
    LocalDate date = deal(dealId).getKpAgreementDate();
    if (date == null) {
      // A deal moved straight to «КП» by hand has no date yet: count from today.
      date = calendar.addWorkingDays(LocalDate.now(clock), FunnelSteps.KP_AGREEMENT_WORKING_DAYS);
    }
    return Date.from(date.atTime(END_OF_WORKING_DAY).atZone(RussianFormats.MOSCOW).toInstant());
  }

  private Deal deal(Long dealId) {
    return deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
  }
}
