package org.tomoni.platform.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: resolved once at the edge (REST from the verified token, Vaadin from the
 * session) and passed explicitly to every service. {@code tenantId} is null for platform users.
 *
 * <p>{@code principal} is what created_by / updated_by and the audit log name: a signed-in
 * user's id (the token's subject), or a fixed name for an actor without an account
 * ({@code donor}, {@code public-signup}, {@code scheduler}, {@code provisioning}). It is never
 * the login name, which a user can have changed.
 *
 * <p>What an actor may do is decided by {@code org.tomoni.platform.access.AccessPolicy} alone,
 * never by asking for roles here (an ArchUnit rule keeps it so). {@code narrow} is set for
 * actors that exist for one purpose (a donor's link, a public form, a partner's link, a job):
 * they hold only the capabilities named there, never a role.
 */
public record Actor(UUID userId, String principal, UUID tenantId, String tenantSlug, Set<Role> roles, Narrow narrow,
                    String clientAddress) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** A user (or provisioning) acting through roles. */
    public Actor(UUID userId, String principal, UUID tenantId, String tenantSlug, Set<Role> roles, String clientAddress) {
        this(userId, principal, tenantId, tenantSlug, roles, null, clientAddress);
    }

    /**
     * What a narrow actor may do: capability codes (see access/Capability), and the one record
     * it serves (a donor link's gift), or null when it serves the whole tenant (a public form, a job).
     */
    public record Narrow(String kind, Set<String> capabilities, UUID record) {
        public Narrow {
            capabilities = Set.copyOf(capabilities);
        }
    }

    public boolean isTenantUser() {
        return tenantId != null;
    }

    /** The name written to created_by / updated_by and the audit log. */
    public String auditName() {
        return tenantSlug == null ? principal : principal + "@" + tenantSlug;
    }
}
