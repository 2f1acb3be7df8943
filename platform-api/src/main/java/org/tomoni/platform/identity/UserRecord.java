package org.tomoni.platform.identity;

import org.tomoni.platform.shared.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A login as stored: tenant users carry their tenant; platform users have none. */
record UserRecord(UUID tenantId, UUID id, String username, String displayName, String passwordHash, Role role,
                  boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
