package org.tomoni.platform.members.branches;

import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A branch (支部) with how many active people and organisations it has. */
@Serdeable
public record BranchView(UUID id, String name, String nameKana, String notes, long peopleCount, long organizationCount,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
}
