package org.tomoni.platform.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as 2026年11月23日 and yen as 1,234円 (English: Nov 23, 2026 and ¥1,234). */
public final class UiFormat {
    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

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
}
