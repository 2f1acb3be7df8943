package org.tomoni.platform.members.people;

import org.tomoni.platform.members.links.Relationships;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.persistence.TenantScope;

import java.util.UUID;

/**
 * Moves every reference from a duplicate to the survivor (relationships, affiliations,
 * memberships; later modules add theirs here), fills the survivor's empty fields from the
 * duplicate, and archives the duplicate as merged.
 */
final class PeopleMerge {
    private PeopleMerge() {
    }

    static void merge(TenantScope scope, PersonView survivor, PersonView duplicate) {
        UUID keep = survivor.id();
        UUID drop = duplicate.id();
        Relationships.movePerson(scope, drop, keep); // and the affiliations
        Memberships.movePerson(scope, drop, keep);

        Long number = survivor.memberNumber() != null ? survivor.memberNumber() : duplicate.memberNumber();
        // The duplicate gives its number up first when the survivor takes it (a number is held once).
        PeopleRepository.archiveMerged(scope, drop, keep, survivor.memberNumber() == null ? null : duplicate.memberNumber());
        PersonData filled = fill(PersonData.of(survivor), PersonData.of(duplicate)).withMemberNumber(number);
        PeopleRepository.overwrite(scope, keep, filled);
    }

    /** The survivor's values win; its empty fields take the duplicate's; flags that restrict contact win. */
    static PersonData fill(PersonData s, PersonData d) {
        return new PersonData(s.familyName(), s.givenName(), s.familyNameKana(), s.givenNameKana(),
            or(s.birthDate(), d.birthDate()), or(s.email(), d.email()), or(s.phone(), d.phone()), or(s.postalCode(), d.postalCode()),
            or(s.prefecture(), d.prefecture()), or(s.city(), d.city()), or(s.addressLine1(), d.addressLine1()),
            or(s.addressLine2(), d.addressLine2()), s.notes() == null ? d.notes() : d.notes() == null ? s.notes() : s.notes() + "\n" + d.notes(),
            s.memberNumber(), or(s.branchId(), d.branchId()), s.newsletterConsent() || d.newsletterConsent(),
            s.noPostalMail() || d.noPostalMail(), s.noEmail() || d.noEmail(), or(s.deceasedOn(), d.deceasedOn()),
            s.sensitive() || d.sensitive());
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
