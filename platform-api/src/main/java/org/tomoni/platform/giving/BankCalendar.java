package org.tomoni.platform.giving;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Days on which banks settle: not weekends, not national holidays and not the bank holidays of
 * December 31 – January 3. A debit requested for a day banks are closed is taken on the next day
 * they are open, so the debit date moves forward, never back.
 */
public final class BankCalendar {
    private BankCalendar() {
    }

    /** A 国民の祝日, 振替休日 or 国民の休日; for 2000–2099 only, IllegalArgumentException otherwise. */
    public static boolean isHoliday(LocalDate d) {
        return NationalHolidays.of(d.getYear()).contains(d);
    }

    public static boolean isBusinessDay(LocalDate d) {
        // The holiday check goes first so a date outside the known years fails even on a weekend.
        return !isHoliday(d) && !isWeekend(d) && !isYearEnd(d);
    }

    /** The day itself when banks are open, otherwise the next day they are. */
    public static LocalDate onOrAfter(LocalDate d) {
        LocalDate day = d;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The tenant's debit day in the month; a day the month lacks (31 in February) becomes its last
     * day, and a closed day moves to the next business day, even into the next month.
     */
    public static LocalDate debitDate(YearMonth period, int debitDay) {
        if (debitDay < 1 || debitDay > 31) {
            throw new IllegalArgumentException("a debit day is 1–31, not " + debitDay);
        }
        return onOrAfter(period.atDay(Math.min(debitDay, period.lengthOfMonth())));
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static boolean isYearEnd(LocalDate d) {
        return (d.getMonthValue() == 12 && d.getDayOfMonth() == 31) || (d.getMonthValue() == 1 && d.getDayOfMonth() <= 3);
    }
}
