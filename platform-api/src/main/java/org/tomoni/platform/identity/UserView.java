package org.tomoni.platform.identity;

import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as tenant admins see it; never the password hash. */
@Serdeable
public record UserView(UUID id, String username, String displayName, String role, boolean active,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    static UserView of(UserRecord u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.role().code(), u.active(), u.createdAt(), u.updatedAt(), u.version());
    }
}
