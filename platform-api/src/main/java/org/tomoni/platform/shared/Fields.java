package org.tomoni.platform.shared;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one validation toolkit of the domain: reads and normalises input fields one by one (text,
 * readings, dates, months, yen amounts, digit codes, e-mail, phone, ids, choices), collecting
 * every error instead of stopping at the first. Every text first meets {@link TextRules} (the
 * same rules the API edge applies before binding). Used by every module's facades; the error
 * codes are the API's field error codes.
 */
public final class Fields {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final List<FieldError> errors;
    private final String prefix;

    public Fields() {
        this("");
    }

    /** Field names are reported as {@code prefix + name} (e.g. nested objects). */
    public Fields(String prefix) {
        this(prefix, new ArrayList<>());
    }

    private Fields(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A toolkit that adds its errors to a list the caller already collects into. */
    public static Fields into(List<FieldError> errors) {
        return new Fields("", errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void error(String field, String code) {
        errors.add(FieldError.of(prefix + field, code));
    }

    /**
     * The shared text rules ({@link TextRules}): control characters, lone surrogates, the field's documented
     * limit. False (with the error recorded) when the raw input breaks one; the field is then not read further.
     */
    private boolean rules(String field, String raw) {
        var problem = TextRules.check(field, raw);
        problem.ifPresent(code -> error(field, code));
        return problem.isEmpty();
    }

    /**
     * The text rules only, for each named value ({@code "purpose", r.purpose(), "note", r.note()}):
     * for fields the facade reads on its own terms and stores as typed.
     */
    public void texts(String... fieldsAndValues) {
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            rules(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
    }

    public String required(String field, String raw, int max) {
        String value = given(field, raw, true, JapaneseText::clean);
        if (value == null) {
            return null;
        }
        return max(field, value, max);
    }

    public String optional(String field, String raw, int max) {
        String value = given(field, raw, false, JapaneseText::clean);
        return value == null ? null : max(field, value, max);
    }

    /** Free text (notes): kept as typed, only trimmed. */
    public String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank() || !rules(field, raw)) {
            return null;
        }
        return max(field, Normalizer.normalize(raw.strip(), Normalizer.Form.NFC), max);
    }

    /**
     * The raw value normalised by {@code normalise} once it passes the text rules; null when it
     * breaks them or is blank, which is a {@code required} error when the field must be there.
     */
    private String given(String field, String raw, boolean required, java.util.function.UnaryOperator<String> normalise) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = normalise.apply(raw);
        if (value == null && required) {
            error(field, "required");
        }
        return value;
    }

    private String max(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            error(field, "too_long");
        }
        return value;
    }

    public String kana(String field, String raw, boolean required) {
        String value = given(field, raw, required, JapaneseText::toKatakana);
        if (value == null) {
            return null;
        }
        if (!JapaneseText.isKatakanaReading(value)) {
            error(field, "katakana");
            return null;
        }
        return max(field, value, 100);
    }

    /** A date (2026-11-23 or 2026/11/23, full-width digits too) within 1900–2100, not after {@code notAfter} when given; blank is absent. */
    public LocalDate date(String field, String raw, LocalDate notAfter) {
        return date(field, raw, false, notAfter);
    }

    /** As {@link #date(String, String, LocalDate)}; blank is {@code required} when {@code required}. */
    public LocalDate date(String field, String raw, boolean required, LocalDate notAfter) {
        String value = given(field, raw, required, JapaneseText::fold);
        if (value == null) {
            return null;
        }
        var problem = TextRules.checkDate(value);
        if (problem.isPresent()) {
            error(field, problem.get());
            return null;
        }
        LocalDate date = LocalDate.parse(value.replace('/', '-'));
        if (notAfter != null && date.isAfter(notAfter)) {
            error(field, "date_in_future");
        }
        return date;
    }

    /** A month YYYY-MM within 1900–2100 ({@code month}, {@code date_range}); blank is absent, or {@code required}. */
    public YearMonth month(String field, String raw, boolean required) {
        String value = given(field, raw, required, JapaneseText::fold);
        if (value == null) {
            return null;
        }
        var problem = TextRules.checkMonth(value);
        if (problem.isPresent()) {
            error(field, problem.get());
            return null;
        }
        return YearMonth.parse(value.strip());
    }

    /**
     * A whole-yen amount from {@code min} to {@code max}: absent is {@code required}, outside the
     * range is {@code code} (each API names its own: {@code amount}, {@code number}).
     */
    public Long yen(String field, Long value, long min, long max, String code) {
        if (value == null) {
            error(field, "required");
            return null;
        }
        if (value < min || value > max) {
            error(field, code);
            return null;
        }
        return value;
    }

    /**
     * A code of exactly {@code width} digits (bank, branch, account, consignor), full-width digits
     * and separators folded away: {@code digits<width>} otherwise; blank is absent, or {@code required}.
     */
    public String code(String field, String raw, int width, boolean required) {
        if (!rules(field, raw)) {
            return null;
        }
        if (raw == null || raw.isBlank()) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        String digits = JapaneseText.digits(raw);
        if (digits == null || digits.length() != width) {
            error(field, "digits" + width);
            return null;
        }
        return digits;
    }

    public void dateOrder(String startField, LocalDate start, String endField, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            error(endField, "date_order");
        }
    }

    public String email(String field, String raw) {
        String value = given(field, raw, false, JapaneseText::fold);
        if (value == null) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            error(field, "email");
        }
        return value;
    }

    public String phone(String field, String raw) {
        if (!rules(field, raw) || JapaneseText.clean(raw) == null) {
            return null;
        }
        String digits = JapaneseText.digits(raw);
        if (digits == null || !digits.matches("0\\d{9,10}")) {
            error(field, "phone");
        }
        return digits;
    }

    public String postalCode(String field, String raw) {
        if (!rules(field, raw) || JapaneseText.clean(raw) == null) {
            return null;
        }
        String digits = JapaneseText.digits(raw.replace("〒", ""));
        if (digits == null || digits.length() != 7) {
            error(field, "postal_code");
        }
        return digits;
    }

    public String prefecture(String field, String raw) {
        if (!rules(field, raw) || JapaneseText.clean(raw) == null) {
            return null;
        }
        Optional<String> p = Prefectures.resolve(raw);
        if (p.isEmpty()) {
            error(field, "prefecture");
        }
        return p.orElse(null);
    }

    public UUID id(String field, String raw, boolean required) {
        String value = given(field, raw, required, JapaneseText::fold);
        if (value == null) {
            return null;
        }
        Optional<UUID> id = Ids.parse(value);
        if (id.isEmpty()) {
            error(field, "not_found");
        }
        return id.orElse(null);
    }

    public Long positiveNumber(String field, String raw) {
        String value = given(field, raw, false, JapaneseText::fold);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n > 0 && n < 10_000_000_000L) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(field, "number");
        return null;
    }

    public <E extends Enum<E>> E choice(String field, String raw, Class<E> type, boolean required) {
        String value = given(field, raw, required, JapaneseText::fold);
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        error(field, "choice");
        return null;
    }
}
