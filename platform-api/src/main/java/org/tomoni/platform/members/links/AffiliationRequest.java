package org.tomoni.platform.members.links;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A person's tie to an organisation: a parent's union federation, an employee of a company, a contact. */
@Serdeable
public record AffiliationRequest(@Nullable String personId, @Nullable String organizationId, @Nullable String role,
                                 @Nullable String startsOn, @Nullable String endsOn, @Nullable String notes) {
}
