package org.tomoni.platform.members.links;

import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Serdeable
public record RelationshipView(UUID id, UUID personId, String personName, UUID relatedPersonId, String relatedPersonName, String kind,
                               LocalDate startsOn, LocalDate endsOn, String notes, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               long version) implements Versioned {
}
