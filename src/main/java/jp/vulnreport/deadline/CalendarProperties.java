package jp.vulnreport.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business calendar ({@code vulnreport.calendar.*}): the administrative year-end closure
 * (行政機関の休日, "12-29" to "01-03" by default; empty to switch it off), the optional end of
 * business hours for business-day deadlines ("18:30"; empty: end of day), and dates to add to or
 * remove from the public holidays (e.g. a one-off holiday proclaimed by law), as YYYY-MM-DD.
 */
@ConfigurationProperties("vulnreport.calendar")
public record CalendarProperties(
    String closureFrom,
    String closureTo,
    String businessDayEnd,
    List<String> extraHolidays,
    List<String> notHolidays) {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  public CalendarProperties {
    extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
    notHolidays = notHolidays == null ? List.of() : List.copyOf(notHolidays);
    if (blank(closureFrom) != blank(closureTo)) {
      throw new IllegalArgumentException("vulnreport.calendar.closure-from and closure-to go together");
    }
    // fail at start-up, not at the first deadline
    monthDay(closureFrom);
    monthDay(closureTo);
    time(businessDayEnd);
    extraHolidays.forEach(LocalDate::parse);
    notHolidays.forEach(LocalDate::parse);
  }

  public MonthDay closureFromDay() {
    return monthDay(closureFrom);
  }

  public MonthDay closureToDay() {
    return monthDay(closureTo);
  }

  public LocalTime businessDayEndTime() {
    return time(businessDayEnd);
  }

  private static MonthDay monthDay(String s) {
    return blank(s) ? null : MonthDay.parse(s, MONTH_DAY);
  }

  private static LocalTime time(String s) {
    return blank(s) ? null : LocalTime.parse(s);
  }

  public List<LocalDate> extraHolidayDates() {
    return extraHolidays.stream().map(LocalDate::parse).toList();
  }

  public List<LocalDate> notHolidayDates() {
    return notHolidays.stream().map(LocalDate::parse).toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
