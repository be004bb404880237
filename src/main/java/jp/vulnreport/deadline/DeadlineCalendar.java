package jp.vulnreport.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import jp.vulnreport.AppProperties;
import org.springframework.stereotype.Component;

/**
 * Adds deadline periods in Japan time (Asia/Tokyo). Business days skip weekends, public holidays
 * ({@link JapaneseHolidays}) and the administrative year-end closure; "N business days after" a
 * moment ends on the N-th business day after that moment's date, at the end of business hours
 * when configured (vulnreport.calendar.business-day-end), else at the end of that day.
 */
@Component
public class DeadlineCalendar {

  private final JapaneseHolidays holidays;
  private final CalendarProperties properties;
  private final ZoneId zone;

  public DeadlineCalendar(JapaneseHolidays holidays, CalendarProperties properties, AppProperties app) {
    this.holidays = holidays;
    this.properties = properties;
    this.zone = app.timeZone();
  }

  public ZonedDateTime plus(ZonedDateTime start, int amount, DeadlineUnit unit) {
    if (amount < 0) {
      throw new IllegalArgumentException("a deadline period cannot be negative: " + amount);
    }
    ZonedDateTime local = start.withZoneSameInstant(zone);
    return switch (unit) {
      case HOURS -> local.plusHours(amount);
      case CALENDAR_DAYS -> local.plusDays(amount);
      case CALENDAR_MONTHS -> local.plusMonths(amount);
      case BUSINESS_DAYS -> {
        LocalDate day = local.toLocalDate();
        for (int counted = 0; counted < amount; ) {
          day = day.plusDays(1);
          if (isBusinessDay(day)) {
            counted++;
          }
        }
        LocalTime end = properties.businessDayEndTime() != null ? properties.businessDayEndTime() : LocalTime.of(23, 59, 59);
        yield day.atTime(end).atZone(zone);
      }
    };
  }

  /**
   * The moment {@code amount} units before {@code end} ("warn 15 days before the target"); business
   * days step back over non-business days and keep the time of day.
   */
  public ZonedDateTime minus(ZonedDateTime end, int amount, DeadlineUnit unit) {
    if (amount < 0) {
      throw new IllegalArgumentException("a deadline period cannot be negative: " + amount);
    }
    ZonedDateTime local = end.withZoneSameInstant(zone);
    return switch (unit) {
      case HOURS -> local.minusHours(amount);
      case CALENDAR_DAYS -> local.minusDays(amount);
      case CALENDAR_MONTHS -> local.minusMonths(amount);
      case BUSINESS_DAYS -> {
        ZonedDateTime t = local;
        for (int counted = 0; counted < amount; ) {
          t = t.minusDays(1);
          if (isBusinessDay(t.toLocalDate())) {
            counted++;
          }
        }
        yield t;
      }
    };
  }

  public boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(day) && !inClosure(day);
  }

  private boolean inClosure(LocalDate day) {
    MonthDay from = properties.closureFromDay();
    MonthDay to = properties.closureToDay();
    if (from == null) {
      return false;
    }
    MonthDay md = MonthDay.from(day);
    return from.isAfter(to) ? !md.isBefore(from) || !md.isAfter(to) : !md.isBefore(from) && !md.isAfter(to);
  }
}
