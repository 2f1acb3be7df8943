package org.tomoni.platform.ui.components;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates as 2026年11月23日, months as 2026年11月, instants as 2026年11月23日 14:05 (Tokyo time) and yen
 * as 1,234円 (English: Nov 23, 2026, Nov 2026, Nov 23, 2026 14:05 and ¥1,234).
 */
public final class UiFormat {
    /** Business dates and times are shown in Japan's time zone. */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter JA_MONTH = DateTimeFormatter.ofPattern("uuuu年M月", Locale.JAPANESE);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm", Locale.ENGLISH);

    private UiFormat() {
    }

    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return ("en".equals(locale.getLanguage()) ? EN : JA).format(date);
    }

    public static String yen(long amount, Locale locale) {
        String digits = String.format(Locale.ROOT, "%,d", amount);
        return "en".equals(locale.getLanguage()) ? "¥" + digits : digits + "円";
    }

    /** A month given as YYYY-MM ({@code 2026-11} → 2026年11月); anything else is shown as it is. */
    public static String month(String yearMonth, Locale locale) {
        if (yearMonth == null) {
            return "";
        }
        try {
            return ("en".equals(locale.getLanguage()) ? EN_MONTH : JA_MONTH).format(YearMonth.parse(yearMonth));
        } catch (DateTimeParseException e) {
            return yearMonth;
        }
    }

    /** An ISO-8601 instant with offset, in Tokyo time to the minute; anything else is shown as it is. */
    public static String dateTime(String isoInstant, Locale locale) {
        if (isoInstant == null) {
            return "";
        }
        try {
            return ("en".equals(locale.getLanguage()) ? EN_TIME : JA_TIME)
                .format(OffsetDateTime.parse(isoInstant).atZoneSameInstant(TOKYO));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }
}
