package org.tomoni.platform.members.memberships;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a membership owes per period, derived from its type and units: monthly fees per calendar
 * month, yearly fees per fiscal year (the tenant's start month), one-off fees in the start month.
 * Collection itself belongs to the giving module.
 */
public final class Dues {
    private Dues() {
    }

    /** One period's due: e.g. 2026-05, or FY2026 (2026-04-01 to 2027-03-31). */
    @Serdeable
    public record Line(String period, LocalDate from, LocalDate to, long amount) {
    }

    static long perPeriod(long feeYen, boolean perUnit, int units) {
        return perUnit ? Math.multiplyExact(feeYen, (long) units) : feeYen;
    }

    static List<Line> owed(FeePeriod period, long perPeriod, LocalDate startsOn, LocalDate endsOn, YearMonth from, YearMonth to,
                           int fiscalStartMonth) {
        List<Line> lines = new ArrayList<>();
        LocalDate windowStart = from.atDay(1);
        LocalDate windowEnd = to.atEndOfMonth();
        switch (period) {
            case MONTHLY -> {
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    if (active(startsOn, endsOn, m.atDay(1), m.atEndOfMonth())) {
                        lines.add(new Line(m.toString(), m.atDay(1), m.atEndOfMonth(), perPeriod));
                    }
                }
            }
            case YEARLY -> {
                int fy = fiscalYear(windowStart, fiscalStartMonth);
                for (LocalDate start = LocalDate.of(fy, fiscalStartMonth, 1); !start.isAfter(windowEnd); start = start.plusYears(1)) {
                    LocalDate end = start.plusYears(1).minusDays(1);
                    if (active(startsOn, endsOn, start, end)) {
                        lines.add(new Line("FY" + start.getYear(), start, end, perPeriod));
                    }
                }
            }
            case ONCE -> {
                YearMonth m = YearMonth.from(startsOn);
                if (!m.isBefore(from) && !m.isAfter(to)) {
                    lines.add(new Line(m.toString(), m.atDay(1), m.atEndOfMonth(), perPeriod));
                }
            }
            default -> throw new IllegalStateException();
        }
        return lines;
    }

    static int fiscalYear(LocalDate date, int fiscalStartMonth) {
        return date.getMonthValue() >= fiscalStartMonth ? date.getYear() : date.getYear() - 1;
    }

    private static boolean active(LocalDate startsOn, LocalDate endsOn, LocalDate from, LocalDate to) {
        return !startsOn.isAfter(to) && (endsOn == null || !endsOn.isBefore(from));
    }
}
