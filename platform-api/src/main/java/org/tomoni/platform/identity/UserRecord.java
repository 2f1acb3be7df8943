package org.tomoni.platform.identity;

import org.tomoni.platform.shared.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A login as stored: tenant users carry their tenant; platform users have none. {@code email} (tenant users, optional,
 * as typed) is where a password-reset link goes; {@code passwordTemporary} says the password was set by someone else
 * and must be changed before anything else.
 */
record UserRecord(UUID tenantId, UUID id, String username, String displayName, String passwordHash, Role role,
                  boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version, String email,
                  boolean passwordTemporary) {

    UserRecord(UUID tenantId, UUID id, String username, String displayName, String passwordHash, Role role,
               boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        this(tenantId, id, username, displayName, passwordHash, role, active, createdAt, updatedAt, version, null, false);
    }
}
