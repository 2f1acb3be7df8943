package org.tomoni.platform.members;

import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored person. */
@Serdeable
public record PersonView(UUID id, String familyName, String givenName, String familyNameKana, String givenNameKana,
                         LocalDate birthDate, String email, String phone, String postalCode, String prefecture,
                         String city, String addressLine1, String addressLine2, String notes,
                         OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                         long version) implements Versioned {
}
