package org.tomoni.platform.members.people;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** Another person who is likely the same: why (same_reading_and_birth_date, same_email, same_phone). */
@Serdeable
public record DuplicateCandidate(UUID id, String name, String reading, List<String> reasons) {
}
