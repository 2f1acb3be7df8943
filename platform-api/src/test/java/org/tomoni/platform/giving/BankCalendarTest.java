package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankCalendarTest {

    @Test
    void the_2026_holidays_are_exactly_the_published_ones_and_no_other_day() {
        assertThat(holidaysOf(2026)).containsExactly(
            date("2026-01-01"), date("2026-01-12"), date("2026-02-11"), date("2026-02-23"), date("2026-03-20"),
            date("2026-04-29"), date("2026-05-03"), date("2026-05-04"), date("2026-05-05"),
            date("2026-05-06"), // 振替休日 for Sunday May 3
            date("2026-07-20"), date("2026-08-11"), date("2026-09-21"),
            date("2026-09-22"), // 国民の休日 between 敬老の日 and 秋分の日
            date("2026-09-23"), date("2026-10-12"), date("2026-11-03"), date("2026-11-23"));
    }

    @Test
    void the_2027_holidays_are_exactly_the_published_ones_and_no_other_day() {
        assertThat(holidaysOf(2027)).containsExactly(
            date("2027-01-01"), date("2027-01-11"), date("2027-02-11"), date("2027-02-23"), date("2027-03-21"),
            date("2027-03-22"), // 振替休日 for Sunday March 21
            date("2027-04-29"), date("2027-05-03"), date("2027-05-04"), date("2027-05-05"), date("2027-07-19"),
            date("2027-08-11"), date("2027-09-20"), date("2027-09-23"), date("2027-10-11"), date("2027-11-03"),
            date("2027-11-23"));
    }

    @Test
    void the_2019_enthronement_gave_a_ten_day_golden_week_and_no_emperors_birthday() {
        List<LocalDate> holidays = holidaysOf(2019);
        assertThat(holidays).contains(date("2019-04-29"), date("2019-04-30"), date("2019-05-01"), date("2019-05-02"),
            date("2019-05-03"), date("2019-05-04"), date("2019-05-05"), date("2019-05-06"), date("2019-10-22"));
        assertThat(holidays).doesNotContain(date("2019-02-23"), date("2019-12-23"));
        assertThat(holidays).hasSize(22);
    }

    @Test
    void the_emperors_birthday_moved_from_december_23_to_february_23_in_2020() {
        assertThat(BankCalendar.isHoliday(date("2018-12-23"))).isTrue();
        assertThat(BankCalendar.isHoliday(date("2018-12-24"))).as("振替休日 for Sunday Dec 23").isTrue();
        assertThat(BankCalendar.isHoliday(date("2020-02-23"))).isTrue();
        assertThat(BankCalendar.isHoliday(date("2020-02-24"))).as("振替休日 for Sunday Feb 23").isTrue();
        assertThat(BankCalendar.isHoliday(date("2020-12-23"))).isFalse();
    }

    @Test
    void the_olympic_years_moved_marine_sports_and_mountain_day() {
        assertThat(holidaysOf(2020)).contains(date("2020-07-23"), date("2020-07-24"), date("2020-08-10"))
            .doesNotContain(date("2020-07-20"), date("2020-08-11"), date("2020-10-12"));
        assertThat(holidaysOf(2021)).contains(date("2021-07-22"), date("2021-07-23"), date("2021-08-08"), date("2021-08-09"))
            .doesNotContain(date("2021-07-19"), date("2021-08-11"), date("2021-10-11"));
    }

    @Test
    void mountain_day_starts_in_2016() {
        assertThat(BankCalendar.isHoliday(date("2015-08-11"))).isFalse();
        assertThat(BankCalendar.isHoliday(date("2016-08-11"))).isTrue();
    }

    @Test
    void years_outside_2000_to_2099_are_refused() {
        assertThatThrownBy(() -> BankCalendar.isHoliday(date("1999-12-31"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BankCalendar.isHoliday(date("2100-01-01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BankCalendar.isBusinessDay(date("2100-01-02"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void banks_close_from_december_31_to_january_3_though_only_new_years_day_is_a_holiday() {
        assertThat(BankCalendar.isHoliday(date("2026-12-31"))).isFalse();
        assertThat(BankCalendar.isHoliday(date("2027-01-02"))).isFalse();
        assertThat(List.of(date("2026-12-31"), date("2027-01-01"), date("2027-01-02"), date("2027-01-03")))
            .noneMatch(BankCalendar::isBusinessDay);
        assertThat(BankCalendar.isBusinessDay(date("2026-12-30"))).isTrue();
        assertThat(BankCalendar.onOrAfter(date("2026-12-31"))).isEqualTo(date("2027-01-04"));
    }

    @Test
    void weekends_and_holidays_are_not_business_days_and_a_plain_weekday_is() {
        assertThat(BankCalendar.isBusinessDay(date("2026-11-28"))).as("Saturday").isFalse();
        assertThat(BankCalendar.isBusinessDay(date("2026-11-29"))).as("Sunday").isFalse();
        assertThat(BankCalendar.isBusinessDay(date("2026-11-23"))).as("勤労感謝の日").isFalse();
        assertThat(BankCalendar.isBusinessDay(date("2026-11-24"))).as("Tuesday").isTrue();
        assertThat(BankCalendar.onOrAfter(date("2026-11-24"))).isEqualTo(date("2026-11-24"));
        assertThat(BankCalendar.onOrAfter(date("2026-11-21"))).isEqualTo(date("2026-11-24"));
    }

    @Test
    void the_debit_date_is_the_debit_day_moved_forward_past_closed_days() {
        assertThat(BankCalendar.debitDate(YearMonth.of(2027, 1), 27)).isEqualTo(date("2027-01-27"));
        assertThat(date("2027-01-27").getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(BankCalendar.debitDate(YearMonth.of(2026, 5), 4)).isEqualTo(date("2026-05-07"));
        assertThat(BankCalendar.debitDate(YearMonth.of(2027, 1), 1)).isEqualTo(date("2027-01-04"));
    }

    @Test
    void a_day_the_month_lacks_becomes_its_last_day_and_may_then_move_into_the_next_month() {
        // February 28, 2027 is a Sunday, so the clamped day moves on to Monday, March 1.
        assertThat(BankCalendar.debitDate(YearMonth.of(2027, 2), 31)).isEqualTo(date("2027-03-01"));
        assertThat(BankCalendar.debitDate(YearMonth.of(2026, 2), 31)).as("Feb 28, 2026 is a Saturday").isEqualTo(date("2026-03-02"));
        assertThat(BankCalendar.debitDate(YearMonth.of(2028, 2), 31)).as("leap year: Tuesday Feb 29").isEqualTo(date("2028-02-29"));
        assertThat(BankCalendar.debitDate(YearMonth.of(2026, 4), 31)).as("Thursday April 30").isEqualTo(date("2026-04-30"));
        assertThatThrownBy(() -> BankCalendar.debitDate(YearMonth.of(2026, 4), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every day of the year is asked, so a list that matches leaves no holiday unaccounted for. */
    private static List<LocalDate> holidaysOf(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).filter(BankCalendar::isHoliday).toList();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
