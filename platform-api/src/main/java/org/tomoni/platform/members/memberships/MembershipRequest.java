package org.tomoni.platform.members.memberships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A membership: a person or an organisation, a type, units (口) and a start date. */
@Serdeable
public record MembershipRequest(@Nullable String personId, @Nullable String organizationId, @Nullable String typeId,
                                @Nullable Integer units, @Nullable String startsOn, @Nullable String status) {
}
