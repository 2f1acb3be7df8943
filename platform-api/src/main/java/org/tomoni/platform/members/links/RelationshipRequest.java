package org.tomoni.platform.members.links;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code personId} is the {@code kind} (parent, guardian, spouse) of {@code relatedPersonId}. */
@Serdeable
public record RelationshipRequest(@Nullable String personId, @Nullable String relatedPersonId, @Nullable String kind,
                                  @Nullable String startsOn, @Nullable String endsOn, @Nullable String notes) {
}
