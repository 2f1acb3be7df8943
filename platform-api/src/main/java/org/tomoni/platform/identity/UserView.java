package org.tomoni.platform.identity;

import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as tenant admins see it; never the password hash. {@code passwordTemporary}: set by an admin, not yet changed by its owner. */
@Serdeable
public record UserView(UUID id, String username, String displayName, String role, boolean active,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, long version, String email,
                       boolean passwordTemporary) implements Versioned {
    static UserView of(UserRecord u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.role().code(), u.active(), u.createdAt(), u.updatedAt(), u.version(),
            u.email(), u.passwordTemporary());
    }
}
