package jp.vulnreport.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.vulnreport.AppProperties;
import org.junit.jupiter.api.Test;

/** The business calendar against the Cabinet Office's holiday lists and the examples. */
class DeadlineCalendarTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final CalendarProperties DEFAULTS = new CalendarProperties("12-29", "01-03", "18:30", List.of(), List.of());

  final DeadlineCalendar calendar = calendar(DEFAULTS);

  static DeadlineCalendar calendar(CalendarProperties p) {
    return new DeadlineCalendar(new JapaneseHolidays(p), p,
        new AppProperties(TOKYO, new AppProperties.Intake(65536), new AppProperties.Mail("a@b.jp", "R3/PT5M")));
  }

  static ZonedDateTime jst(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(TOKYO);
  }

  @Test
  void holidays2026AreTheCabinetOfficeList() {
    // 内閣府「国民の祝日」: 2026 (令和8年)
    assertThat(new TreeSet<>(new JapaneseHolidays(DEFAULTS).holidays(2026))).containsExactlyElementsOf(dates(
        "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03",
        "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22",
        "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"));
  }

  @Test
  void holidays2027AreTheCabinetOfficeList() {
    // 内閣府「国民の祝日」: 2027 (令和9年)
    assertThat(new TreeSet<>(new JapaneseHolidays(DEFAULTS).holidays(2027))).containsExactlyElementsOf(dates(
        "2027-01-01", "2027-01-11", "2027-02-11", "2027-02-23", "2027-03-21", "2027-03-22", "2027-04-29",
        "2027-05-03", "2027-05-04", "2027-05-05", "2027-07-19", "2027-08-11", "2027-09-20", "2027-09-23",
        "2027-10-11", "2027-11-03", "2027-11-23"));
  }

  @Test
  void threeBusinessDaysAcrossGoldenWeek() {
    // 4/29 Showa Day, 5/1-5/2 weekend, 5/3-5/5 holidays: business days 4/30, 5/6, 5/7
    assertThat(calendar.plus(jst("2027-04-28T18:00"), 3, DeadlineUnit.BUSINESS_DAYS))
        .isEqualTo(jst("2027-05-07T18:30"));
  }

  @Test
  void threeBusinessDaysAcrossTheNewYearClosure() {
    // 12/29-1/3 closure (1/1 is also a holiday): business days 1/4, 1/5, 1/6
    assertThat(calendar.plus(jst("2026-12-28T10:00"), 3, DeadlineUnit.BUSINESS_DAYS))
        .isEqualTo(jst("2027-01-06T18:30"));
  }

  @Test
  void threeBusinessDaysFromAFridayEvening() {
    assertThat(calendar.plus(jst("2026-11-27T19:45"), 3, DeadlineUnit.BUSINESS_DAYS))
        .isEqualTo(jst("2026-12-02T18:30"));
  }

  @Test
  void businessDaysSkipSubstituteAndCitizensHolidays() {
    // 2026-09-19/20 weekend, 9/21 Respect for the Aged, 9/22 citizens' holiday, 9/23 Autumnal Equinox
    assertThat(calendar.plus(jst("2026-09-18T12:00"), 1, DeadlineUnit.BUSINESS_DAYS))
        .isEqualTo(jst("2026-09-24T18:30"));
    // 2026-05-06 is the substitute holiday for Constitution Day on a Sunday
    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-06"))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-07"))).isTrue();
  }

  @Test
  void hoursAndCalendarDaysIgnoreHolidays() {
    assertThat(calendar.plus(jst("2026-12-31T09:00"), 24, DeadlineUnit.HOURS)).isEqualTo(jst("2027-01-01T09:00"));
    assertThat(calendar.plus(jst("2026-12-31T09:00"), 7, DeadlineUnit.CALENDAR_DAYS)).isEqualTo(jst("2027-01-07T09:00"));
    // a start given in UTC is counted in Japan time
    assertThat(calendar.plus(ZonedDateTime.parse("2026-11-27T15:30Z"), 1, DeadlineUnit.BUSINESS_DAYS))
        .isEqualTo(jst("2026-11-30T18:30"));
  }

  @Test
  void configurationChangesTheCalendar() {
    DeadlineCalendar noClosureNoHours = calendar(new CalendarProperties("", "", "", List.of("2026-12-01"), List.of()));
    assertThat(noClosureNoHours.plus(jst("2026-12-28T10:00"), 3, DeadlineUnit.BUSINESS_DAYS))
        .isEqualTo(jst("2026-12-31T23:59:59"));
    assertThat(noClosureNoHours.isBusinessDay(LocalDate.parse("2026-12-01"))).isFalse();
  }

  @Test
  void equinoxApproximationMatchesKnownYears() {
    assertThat(JapaneseHolidays.equinoxDay(2024, 20.8431)).isEqualTo(20);
    assertThat(JapaneseHolidays.equinoxDay(2024, 23.2488)).isEqualTo(22);
    assertThat(JapaneseHolidays.equinoxDay(2025, 20.8431)).isEqualTo(20);
    assertThat(JapaneseHolidays.equinoxDay(2025, 23.2488)).isEqualTo(23);
  }

  private static Set<LocalDate> dates(String... s) {
    Set<LocalDate> out = new TreeSet<>();
    for (String d : s) {
      out.add(LocalDate.parse(d));
    }
    return out;
  }
}
