package org.tomoni.platform.members.memberships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A fee schedule entry: e.g. 団体会員 10,000 yen per unit per year, for organisations. */
@Serdeable
public record MembershipTypeRequest(@Nullable String name, @Nullable Long feeYen, @Nullable String period, @Nullable Boolean perUnit,
                                    @Nullable String memberKind, @Nullable String description) {
}
