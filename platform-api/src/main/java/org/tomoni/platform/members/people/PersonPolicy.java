package org.tomoni.platform.members.people;

import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Outcome;

import java.time.LocalDate;

/**
 * Validates and normalises a person: readings to katakana, phone and postal code to digits,
 * prefecture from its name or JIS code. Every bad field is reported, not just the first.
 */
final class PersonPolicy {
    private PersonPolicy() {
    }

    static Outcome<PersonData> check(PersonRequest r, LocalDate today) {
        Fields f = new Fields();
        PersonData data = read(f, r, today);
        return f.ok() ? Outcome.ok(data) : Outcome.invalid(f.errors());
    }

    static PersonData read(Fields f, PersonRequest r, LocalDate today) {
        String familyName = f.required("familyName", r.familyName(), 50);
        String givenName = f.required("givenName", r.givenName(), 50);
        String familyKana = f.kana("familyNameKana", r.familyNameKana(), true);
        String givenKana = f.kana("givenNameKana", r.givenNameKana(), true);
        LocalDate birthDate = f.date("birthDate", r.birthDate(), today);
        String email = f.email("email", r.email());
        String phone = f.phone("phone", r.phone());
        String postalCode = f.postalCode("postalCode", r.postalCode());
        String prefecture = f.prefecture("prefecture", r.prefecture());
        String city = f.optional("city", r.city(), 100);
        String line1 = f.optional("addressLine1", r.addressLine1(), 200);
        String line2 = f.optional("addressLine2", r.addressLine2(), 200);
        String notes = f.text("notes", r.notes(), 4000);
        Long memberNumber = f.positiveNumber("memberNumber", r.memberNumber());
        java.util.UUID branchId = f.id("branchId", r.branchId(), false);
        LocalDate deceasedOn = f.date("deceasedOn", r.deceasedOn(), today);
        return new PersonData(familyName, givenName, familyKana, givenKana, birthDate, email, phone, postalCode, prefecture, city,
            line1, line2, notes, memberNumber, branchId, isTrue(r.newsletterConsent()), isTrue(r.noPostalMail()), isTrue(r.noEmail()),
            deceasedOn, isTrue(r.sensitive()));
    }

    private static boolean isTrue(Boolean b) {
        return b != null && b;
    }
}
