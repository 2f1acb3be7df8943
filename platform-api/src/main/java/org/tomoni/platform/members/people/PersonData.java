package org.tomoni.platform.members.people;

import org.tomoni.platform.shared.JapaneseText;

import java.time.LocalDate;
import java.util.UUID;

/** A person's fields after validation and normalisation, ready to store. */
record PersonData(String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
                  String email, String phone, String postalCode, String prefecture, String city, String addressLine1,
                  String addressLine2, String notes, Long memberNumber, UUID branchId, boolean newsletterConsent,
                  boolean noPostalMail, boolean noEmail, LocalDate deceasedOn, boolean sensitive) {

    /** Back to the request shape, e.g. to merge or to apply a partial change. */
    static PersonData of(PersonView v) {
        return new PersonData(v.familyName(), v.givenName(), v.familyNameKana(), v.givenNameKana(), v.birthDate(), v.email(), v.phone(),
            v.postalCode(), v.prefecture(), v.city(), v.addressLine1(), v.addressLine2(), v.notes(), v.memberNumber(), v.branchId(),
            v.newsletterConsent(), v.noPostalMail(), v.noEmail(), v.deceasedOn(), v.sensitive());
    }

    /** The request that yields this data again: what a form shows as it will be stored. */
    PersonRequest toRequest() {
        return new PersonRequest(familyName, givenName, familyNameKana, givenNameKana, birthDate == null ? null : birthDate.toString(), email,
            phone, postalCode, prefecture, city, addressLine1, addressLine2, notes, memberNumber == null ? null : memberNumber.toString(),
            branchId == null ? null : branchId.toString(), newsletterConsent, noPostalMail, noEmail,
            deceasedOn == null ? null : deceasedOn.toString(), sensitive);
    }

    String sortKey() {
        return JapaneseText.sortKey(familyNameKana, givenNameKana);
    }

    /** Names, readings, e-mail and phone in search form, one per line so a match stays inside one. */
    String searchText() {
        return String.join("\n",
            JapaneseText.searchForm(familyName + givenName),
            JapaneseText.searchForm(familyNameKana + givenNameKana),
            email == null ? "" : email.toLowerCase(java.util.Locale.ROOT),
            phone == null ? "" : phone);
    }

    /** The same fields with the sensitivity flag given (an absent field on an update keeps the stored flag). */
    PersonData withSensitive(boolean flag) {
        return new PersonData(familyName, givenName, familyNameKana, givenNameKana, birthDate, email, phone, postalCode, prefecture,
            city, addressLine1, addressLine2, notes, memberNumber, branchId, newsletterConsent, noPostalMail, noEmail, deceasedOn, flag);
    }

    PersonData withMemberNumber(Long number) {
        return new PersonData(familyName, givenName, familyNameKana, givenNameKana, birthDate, email, phone, postalCode, prefecture,
            city, addressLine1, addressLine2, notes, number, branchId, newsletterConsent, noPostalMail, noEmail, deceasedOn, sensitive);
    }
}
