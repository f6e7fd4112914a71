package ru.voronka.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A day that breaks the Monday-to-Friday rule: a holiday on a weekday or a working Saturday. */
@Entity
@Table(name = "working_calendar_day")
public class CalendarDay {

  @Id
  @Column(name = "calendar_date")
  private LocalDate day;

  @Column(nullable = false)
  private boolean working;

  @Column(nullable = false)
  private String note;

  protected CalendarDay() {}

  CalendarDay(LocalDate day, boolean working, String note) {
    this.day = day;
    this.working = working;
    this.note = note;
  }

  public LocalDate getDay() {
    return day;
  }

  public boolean isWorking() {
    return working;
  }

  public String getNote() {
    return note;
  }

  void change(boolean working, String note) {
    this.working = working;
    this.note = note;
  }
}
