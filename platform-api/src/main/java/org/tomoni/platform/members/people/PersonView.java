package org.tomoni.platform.members.people;

import org.tomoni.platform.members.links.AffiliationView;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.links.RelationshipView;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored person. A single person read also carries their relationships, affiliations and
 * memberships; a create carries possible duplicates. Lists leave those out.
 */
@Serdeable
public record PersonView(UUID id, Long memberNumber, String familyName, String givenName, String familyNameKana,
                         String givenNameKana, LocalDate birthDate, String email, String phone, String postalCode,
                         String prefecture, String city, String addressLine1, String addressLine2, String notes,
                         UUID branchId, boolean newsletterConsent, boolean noPostalMail, boolean noEmail, LocalDate deceasedOn,
                         boolean sensitive, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                         long version,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<RelationshipView> relationships,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<AffiliationView> affiliations,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<MembershipView> memberships,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<DuplicateCandidate> possibleDuplicates)
    implements Versioned {

    public String fullName() {
        return familyName + " " + givenName;
    }

    PersonView withDetail(List<RelationshipView> rel, List<AffiliationView> aff, List<MembershipView> mem) {
        return new PersonView(id, memberNumber, familyName, givenName, familyNameKana, givenNameKana, birthDate, email, phone,
            postalCode, prefecture, city, addressLine1, addressLine2, notes, branchId, newsletterConsent, noPostalMail, noEmail,
            deceasedOn, sensitive, createdAt, createdBy, updatedAt, updatedBy, version, rel, aff, mem, possibleDuplicates);
    }

    PersonView withDuplicates(List<DuplicateCandidate> duplicates) {
        return new PersonView(id, memberNumber, familyName, givenName, familyNameKana, givenNameKana, birthDate, email, phone,
            postalCode, prefecture, city, addressLine1, addressLine2, notes, branchId, newsletterConsent, noPostalMail, noEmail,
            deceasedOn, sensitive, createdAt, createdBy, updatedAt, updatedBy, version, relationships, affiliations, memberships,
            duplicates);
    }
}
