package jp.vulnreport.deadline;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Japanese public holidays (国民の祝日・休日): Jollyday's Japan calendar, completed by the rules of
 * the Public Holiday Act that its data lacks (checked against the Cabinet Office's lists for 2026
 * and 2027 in the tests):
 * <ul>
 *   <li>Vernal and Autumnal Equinox Day (春分の日・秋分の日), by the usual astronomical
 *       approximation for 1980-2099 that the Cabinet Office's announced dates follow;</li>
 *   <li>the Emperor's Birthday on 23 February from 2020 instead of 23 December (until 2018);</li>
 *   <li>substitute holidays (振替休日): a holiday on a Sunday moves the day off to the next day
 *       that is not a holiday (since 1973);</li>
 *   <li>citizens' holidays (国民の休日): a weekday between two holidays (since 1986).</li>
 * </ul>
 * Configured extra dates are added and configured non-holidays removed.
 */
@Component
public class JapaneseHolidays {

  private final HolidayManager jollyday = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.JAPAN));
  private final CalendarProperties properties;
  private final Map<Integer, Set<LocalDate>> cache = new ConcurrentHashMap<>();

  public JapaneseHolidays(CalendarProperties properties) {
    this.properties = properties;
  }

  public boolean isHoliday(LocalDate date) {
    return holidays(date.getYear()).contains(date);
  }

  public Set<LocalDate> holidays(int year) {
    return cache.computeIfAbsent(year, this::compute);
  }

  private Set<LocalDate> compute(int year) {
    Set<LocalDate> named = new TreeSet<>();
    for (Holiday h : jollyday.getHolidays(Year.of(year))) {
      named.add(h.getDate());
    }
    // the library still has the Heisei emperor's birthday
    if (year >= 2019) {
      named.remove(LocalDate.of(year, Month.DECEMBER, 23));
    }
    if (year >= 2020) {
      named.add(LocalDate.of(year, Month.FEBRUARY, 23));
    }
    if (year >= 1980 && year <= 2099) {
      named.add(LocalDate.of(year, Month.MARCH, equinoxDay(year, 20.8431)));
      named.add(LocalDate.of(year, Month.SEPTEMBER, equinoxDay(year, 23.2488)));
    }
    Set<LocalDate> all = new TreeSet<>(named);
    if (year >= 1973) {
      for (LocalDate d : named) {
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
          LocalDate substitute = d.plusDays(1);
          while (named.contains(substitute)) {
            substitute = substitute.plusDays(1);
          }
          all.add(substitute);
        }
      }
    }
    if (year >= 1986) {
      for (LocalDate d : named) {
        LocalDate between = d.plusDays(1);
        if (!all.contains(between) && named.contains(d.plusDays(2)) && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
          all.add(between);
        }
      }
    }
    properties.extraHolidayDates().stream().filter(d -> d.getYear() == year).forEach(all::add);
    properties.notHolidayDates().forEach(all::remove);
    return Set.copyOf(all);
  }

  /** Day of month of an equinox: floor(base + 0.242194 (y - 1980) - floor((y - 1980) / 4)). */
  static int equinoxDay(int year, double base) {
    int n = year - 1980;
    return (int) Math.floor(base + 0.242194 * n - Math.floor(n / 4.0));
  }
}
