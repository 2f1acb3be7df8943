package org.tomoni.platform.members;

import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Prefectures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates and normalises a person: readings to katakana, phone and postal code to digits,
 * prefecture from its name or JIS code. Every bad field is reported, not just the first.
 */
final class PersonPolicy {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private PersonPolicy() {
    }

    static Outcome<PersonData> check(PersonRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String familyName = required(errors, "familyName", JapaneseText.clean(r.familyName()), 50);
        String givenName = required(errors, "givenName", JapaneseText.clean(r.givenName()), 50);
        String familyKana = kana(errors, "familyNameKana", r.familyNameKana());
        String givenKana = kana(errors, "givenNameKana", r.givenNameKana());
        LocalDate birthDate = birthDate(errors, r.birthDate(), today);
        String email = email(errors, r.email());
        String phone = phone(errors, r.phone());
        String postalCode = postalCode(errors, r.postalCode());
        String prefecture = prefecture(errors, r.prefecture());
        String city = optional(errors, "city", r.city(), 100);
        String line1 = optional(errors, "addressLine1", r.addressLine1(), 200);
        String line2 = optional(errors, "addressLine2", r.addressLine2(), 200);
        String notes = notes(errors, r.notes());
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return Outcome.ok(new PersonData(familyName, givenName, familyKana, givenKana, birthDate, email, phone, postalCode,
            prefecture, city, line1, line2, notes));
    }

    private static String required(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(FieldError.of(field, "required"));
            return null;
        }
        return tooLong(errors, field, value, max);
    }

    private static String optional(List<FieldError> errors, String field, String raw, int max) {
        String value = JapaneseText.clean(raw);
        return value == null ? null : tooLong(errors, field, value, max);
    }

    private static String tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(FieldError.of(field, "too_long"));
        }
        return value;
    }

    private static String kana(List<FieldError> errors, String field, String raw) {
        String value = JapaneseText.toKatakana(raw);
        if (value == null) {
            errors.add(FieldError.of(field, "required"));
            return null;
        }
        if (!JapaneseText.isKatakanaReading(value)) {
            errors.add(FieldError.of(field, "katakana"));
            return null;
        }
        return tooLong(errors, field, value, 100);
    }

    private static LocalDate birthDate(List<FieldError> errors, String raw, LocalDate today) {
        String value = JapaneseText.clean(raw);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.replace('/', '-'));
            if (date.isAfter(today)) {
                errors.add(FieldError.of("birthDate", "date_in_future"));
            } else if (date.isBefore(EARLIEST)) {
                errors.add(FieldError.of("birthDate", "date"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("birthDate", "date"));
            return null;
        }
    }

    private static String email(List<FieldError> errors, String raw) {
        String value = JapaneseText.clean(raw);
        if (value == null) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            errors.add(FieldError.of("email", "email"));
        }
        return value;
    }

    private static String phone(List<FieldError> errors, String raw) {
        if (JapaneseText.clean(raw) == null) {
            return null;
        }
        String digits = JapaneseText.digits(raw);
        if (digits == null || !digits.matches("0\\d{9,10}")) {
            errors.add(FieldError.of("phone", "phone"));
        }
        return digits;
    }

    private static String postalCode(List<FieldError> errors, String raw) {
        if (JapaneseText.clean(raw) == null) {
            return null;
        }
        String digits = JapaneseText.digits(raw == null ? null : raw.replace("〒", ""));
        if (digits == null || digits.length() != 7) {
            errors.add(FieldError.of("postalCode", "postal_code"));
        }
        return digits;
    }

    private static String prefecture(List<FieldError> errors, String raw) {
        if (JapaneseText.clean(raw) == null) {
            return null;
        }
        return Prefectures.resolve(raw).orElseGet(() -> {
            errors.add(FieldError.of("prefecture", "prefecture"));
            return null;
        });
    }

    private static String notes(List<FieldError> errors, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        return tooLong(errors, "notes", value, 4000);
    }
}
