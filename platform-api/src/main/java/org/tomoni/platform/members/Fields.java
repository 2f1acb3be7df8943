package org.tomoni.platform.members;

import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Prefectures;
import org.tomoni.platform.shared.TextRules;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and normalises input fields one by one, collecting every error instead of stopping at
 * the first. Shared by the policies of people, organisations and the rest of the party model.
 */
final class Fields {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final List<FieldError> errors = new ArrayList<>();
    private final String prefix;

    Fields() {
        this("");
    }

    /** Field names are reported as {@code prefix + name} (e.g. nested objects). */
    Fields(String prefix) {
        this.prefix = prefix;
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void error(String field, String code) {
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

    String required(String field, String raw, int max) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.clean(raw);
        if (value == null) {
            error(field, "required");
            return null;
        }
        return max(field, value, max);
    }

    String optional(String field, String raw, int max) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.clean(raw);
        return value == null ? null : max(field, value, max);
    }

    /** Free text (notes): kept as typed, only trimmed. */
    String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank() || !rules(field, raw)) {
            return null;
        }
        return max(field, Normalizer.normalize(raw.strip(), Normalizer.Form.NFC), max);
    }

    private String max(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            error(field, "too_long");
        }
        return value;
    }

    String kana(String field, String raw, boolean required) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.toKatakana(raw);
        if (value == null) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        if (!JapaneseText.isKatakanaReading(value)) {
            error(field, "katakana");
            return null;
        }
        return max(field, value, 100);
    }

    LocalDate date(String field, String raw, LocalDate notAfter) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.fold(raw);
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

    LocalDate requiredDate(String field, String raw) {
        if (JapaneseText.fold(raw) == null && TextRules.check(field, raw).isEmpty()) {
            error(field, "required");
            return null;
        }
        return date(field, raw, null);
    }

    void dateOrder(String startField, LocalDate start, String endField, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            error(endField, "date_order");
        }
    }

    String email(String field, String raw) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.fold(raw);
        if (value == null) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            error(field, "email");
        }
        return value;
    }

    String phone(String field, String raw) {
        if (!rules(field, raw) || JapaneseText.clean(raw) == null) {
            return null;
        }
        String digits = JapaneseText.digits(raw);
        if (digits == null || !digits.matches("0\\d{9,10}")) {
            error(field, "phone");
        }
        return digits;
    }

    String postalCode(String field, String raw) {
        if (!rules(field, raw) || JapaneseText.clean(raw) == null) {
            return null;
        }
        String digits = JapaneseText.digits(raw.replace("〒", ""));
        if (digits == null || digits.length() != 7) {
            error(field, "postal_code");
        }
        return digits;
    }

    String prefecture(String field, String raw) {
        if (!rules(field, raw) || JapaneseText.clean(raw) == null) {
            return null;
        }
        Optional<String> p = Prefectures.resolve(raw);
        if (p.isEmpty()) {
            error(field, "prefecture");
        }
        return p.orElse(null);
    }

    UUID id(String field, String raw, boolean required) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.fold(raw);
        if (value == null) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        Optional<UUID> id = Ids.parse(value);
        if (id.isEmpty()) {
            error(field, "not_found");
        }
        return id.orElse(null);
    }

    Long positiveNumber(String field, String raw) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.fold(raw);
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

    <E extends Enum<E>> E choice(String field, String raw, Class<E> type, boolean required) {
        if (!rules(field, raw)) {
            return null;
        }
        String value = JapaneseText.fold(raw);
        if (value == null) {
            if (required) {
                error(field, "required");
            }
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
