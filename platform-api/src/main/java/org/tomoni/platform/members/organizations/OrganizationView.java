package org.tomoni.platform.members.organizations;

import org.tomoni.platform.members.links.AffiliationView;
import org.tomoni.platform.members.memberships.MembershipView;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A stored organisation; a single read also carries its affiliated people and memberships. */
@Serdeable
public record OrganizationView(UUID id, Long memberNumber, String name, String nameKana, String kind, String email, String phone,
                               String website, String postalCode, String prefecture, String city, String addressLine1,
                               String addressLine2, String notes, UUID branchId, OffsetDateTime createdAt, String createdBy,
                               OffsetDateTime updatedAt, String updatedBy, long version,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<AffiliationView> affiliations,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<MembershipView> memberships) implements Versioned {

    OrganizationView withDetail(List<AffiliationView> aff, List<MembershipView> mem) {
        return new OrganizationView(id, memberNumber, name, nameKana, kind, email, phone, website, postalCode, prefecture, city,
            addressLine1, addressLine2, notes, branchId, createdAt, createdBy, updatedAt, updatedBy, version, aff, mem);
    }
}
