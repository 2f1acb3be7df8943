package org.tomoni.platform.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every piece of input text meets, wherever it comes from (JSON body, query string,
 * CSV cell, UI form): no control characters (tab, CR and LF only in multi-line fields), no lone
 * surrogates, a length limit per field (README "Input limits"), dates within 1900–2100.
 * A violation is a field error code: {@code control_character}, {@code lone_surrogate},
 * {@code too_long}, {@code date}, {@code date_range}.
 */
public final class TextRules {
    /** Names, readings, user names and other one-line labels. */
    public static final int NAME = 100;
    /** Address lines, titles, purposes, and any text field not listed (the default). */
    public static final int LINE = 200;
    public static final int EMAIL = 254;
    /** Free text: notes, descriptions. */
    public static final int NOTE = 4000;
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final Set<String> MULTILINE = Set.of("notes", "note", "description");
    private static final Map<String, Integer> LIMITS = Map.ofEntries(
        Map.entry("familyName", NAME), Map.entry("givenName", NAME), Map.entry("familyNameKana", NAME),
        Map.entry("givenNameKana", NAME), Map.entry("name", NAME), Map.entry("nameKana", NAME), Map.entry("nameJa", NAME),
        Map.entry("nameEn", NAME), Map.entry("displayName", NAME), Map.entry("username", NAME), Map.entry("tenant", NAME),
        Map.entry("role", NAME), Map.entry("memberNumber", NAME), Map.entry("accountHolderKana", NAME),
        Map.entry("consignorName", NAME), Map.entry("consignorKana", NAME), Map.entry("branch", NAME),
        Map.entry("email", EMAIL), Map.entry("staffEmail", EMAIL),
        Map.entry("notes", NOTE), Map.entry("note", NOTE), Map.entry("description", NOTE));
    private static final Pattern DATE = Pattern.compile("\\d{4}[-/]\\d{2}[-/]\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private TextRules() {
    }

    /** The documented limit of a field (its last name segment), in code points. */
    public static int limitFor(String field) {
        return LIMITS.getOrDefault(lastSegment(field), LINE);
    }

    /** True for the fields where tab, CR and LF are part of the text. */
    public static boolean multiline(String field) {
        return MULTILINE.contains(lastSegment(field));
    }

    /** True for fields holding a date (…On, …Date): ISO 2026-11-23 (or 2026/11/23) within 1900–2100. */
    public static boolean isDateField(String field) {
        String name = lastSegment(field);
        return name.endsWith("On") || name.endsWith("Date");
    }

    /** True for fields holding a month (…Month): 2026-11 within 1900–2100. */
    public static boolean isMonthField(String field) {
        return lastSegment(field).endsWith("Month");
    }

    /** True for whole-number fields holding a year. */
    public static boolean isYearField(String field) {
        String name = lastSegment(field);
        return name.equals("year") || name.endsWith("Year");
    }

    /** The error code of a text value for this field under the field's own rules, or empty when it passes. */
    public static Optional<String> check(String field, String value) {
        return check(value, multiline(field), limitFor(field));
    }

    /** The error code of a text value, or empty when it passes. */
    public static Optional<String> check(String value, boolean multiline, int max) {
        if (value == null) {
            return Optional.empty();
        }
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of("lone_surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of("lone_surrogate");
            } else if (isControl(c) && !(multiline && (c == '\t' || c == '\r' || c == '\n'))) {
                return Optional.of("control_character");
            }
            codePoints++;
        }
        return codePoints > max ? Optional.of("too_long") : Optional.empty();
    }

    /** C0 and C1 controls and DEL; also the Unicode non-characters U+FFFE/U+FFFF. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
    }

    /** A date field's value: blank passes (absent), otherwise ISO within range. */
    public static Optional<String> checkDate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip();
        if (!DATE.matcher(s).matches()) {
            return Optional.of("date");
        }
        try {
            return inRange(LocalDate.parse(s.replace('/', '-'))) ? Optional.empty() : Optional.of("date_range");
        } catch (DateTimeParseException e) {
            return Optional.of("date");
        }
    }

    /** A month field's value: blank passes, otherwise YYYY-MM within range. */
    public static Optional<String> checkMonth(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip();
        if (!MONTH.matcher(s).matches()) {
            return Optional.of("month");
        }
        try {
            YearMonth m = YearMonth.parse(s);
            return inRange(m.atDay(1)) ? Optional.empty() : Optional.of("date_range");
        } catch (DateTimeParseException e) {
            return Optional.of("month");
        }
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean yearInRange(long year) {
        return year >= EARLIEST.getYear() && year <= LATEST.getYear();
    }

    private static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        String s = dot < 0 ? field : field.substring(dot + 1);
        int bracket = s.indexOf('[');
        return bracket < 0 ? s : s.substring(0, bracket);
    }
}
