package org.tomoni.platform.members.memberships;

import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

@Serdeable
public record MembershipTypeView(UUID id, String name, long feeYen, String period, boolean perUnit, String memberKind,
                                 String description, long activeMemberships, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                 long version) implements Versioned {
}
