package org.tomoni.platform.giving;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 国民の祝日 and the days off they cause (振替休日, 国民の休日), by the rules of the 祝日法 as amended up to
 * 2018, for 2000–2099. Computed rather than listed so the debit calendar needs no yearly update; a
 * future amendment of the law still needs one here.
 */
final class NationalHolidays {
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private static final Map<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    private NationalHolidays() {
    }

    /** Every day off in the year, 祝日 and the days derived from them. */
    static Set<LocalDate> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
        return BY_YEAR.computeIfAbsent(year, NationalHolidays::compute);
    }

    private static Set<LocalDate> compute(int year) {
        Set<LocalDate> named = named(year);
        Set<LocalDate> all = new TreeSet<>(named);
        all.addAll(substitutes(named));
        all.addAll(sandwiched(year, named));
        return Set.copyOf(all);
    }

    /** The 祝日 themselves; the derived days are computed from these alone, as the law does. */
    private static Set<LocalDate> named(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, 1, 1));
        days.add(monday(year, Month.JANUARY, 2));
        days.add(LocalDate.of(year, 2, 11));
        if (year >= 2020) {
            days.add(LocalDate.of(year, 2, 23));
        }
        days.add(LocalDate.of(year, 3, equinox(year, 20.8431)));
        days.add(LocalDate.of(year, 4, 29));
        days.add(LocalDate.of(year, 5, 3));
        if (year >= 2007) {
            // Before 2007, May 4 was off only as a 国民の休日 between May 3 and May 5.
            days.add(LocalDate.of(year, 5, 4));
        }
        days.add(LocalDate.of(year, 5, 5));
        days.add(marineDay(year));
        if (year >= 2016) {
            days.add(mountainDay(year));
        }
        days.add(year <= 2002 ? LocalDate.of(year, 9, 15) : monday(year, Month.SEPTEMBER, 3));
        days.add(LocalDate.of(year, 9, equinox(year, 23.2488)));
        days.add(sportsDay(year));
        days.add(LocalDate.of(year, 11, 3));
        days.add(LocalDate.of(year, 11, 23));
        if (year <= 2018) {
            days.add(LocalDate.of(year, 12, 23));
        }
        if (year == 2019) {
            // 天皇の即位の日 and 即位礼正殿の儀, 祝日 by a one-off law; Apr 30 and May 2 follow as 国民の休日.
            days.add(LocalDate.of(2019, 5, 1));
            days.add(LocalDate.of(2019, 10, 22));
        }
        return days;
    }

    // The Olympic special measures law moved three 祝日 in 2020 and 2021.
    private static LocalDate marineDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 23);
            case 2021 -> LocalDate.of(2021, 7, 22);
            default -> year <= 2002 ? LocalDate.of(year, 7, 20) : monday(year, Month.JULY, 3);
        };
    }

    private static LocalDate mountainDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(year, 8, 11);
        };
    }

    /** スポーツの日 from 2020, 体育の日 before; same rule, only the name changed. */
    private static LocalDate sportsDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 24);
            case 2021 -> LocalDate.of(2021, 7, 23);
            default -> monday(year, Month.OCTOBER, 2);
        };
    }

    /**
     * The official equinox days are only announced a year ahead (官報, from the National Astronomical
     * Observatory's reckoning); the standard approximation for 1980–2099 stands in for them further out.
     */
    private static int equinox(int year, double base) {
        int y = year - 1980;
        return (int) Math.floor(base + 0.242194 * y - Math.floorDiv(y, 4));
    }

    private static LocalDate monday(int year, Month month, int ordinal) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY));
    }

    /**
     * 振替休日: a 祝日 on a Sunday gives the next day that is not a 祝日. Before 2007 the law gave only
     * the Monday, but in 2000–2006 that Monday was never itself a 祝日, so one rule serves both.
     */
    private static Set<LocalDate> substitutes(Set<LocalDate> named) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d : named) {
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate next = d.plusDays(1);
                while (named.contains(next)) {
                    next = next.plusDays(1);
                }
                days.add(next);
            }
        }
        return days;
    }

    /** 国民の休日: a day between two 祝日; before 2007 the law excluded Sundays. */
    private static Set<LocalDate> sandwiched(int year, Set<LocalDate> named) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d : named) {
            LocalDate between = d.plusDays(1);
            boolean excluded = year < 2007 && between.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!named.contains(between) && named.contains(between.plusDays(1)) && !excluded) {
                days.add(between);
            }
        }
        return days;
    }
}
