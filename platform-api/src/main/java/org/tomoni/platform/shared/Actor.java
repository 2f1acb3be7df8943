package org.tomoni.platform.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: resolved once at the edge (REST from the verified token, Vaadin from the
 * session) and passed explicitly to every service. {@code tenantId} is null for platform users.
 */
public record Actor(UUID userId, String username, UUID tenantId, String tenantSlug, Set<Role> roles,
                    String clientAddress) {

    public static Actor system(String name) {
        return new Actor(null, name, null, null, Set.of(), null);
    }

    public static Actor systemInTenant(String name, UUID tenantId, String slug) {
        return new Actor(null, name, tenantId, slug, Set.of(Role.TENANT_ADMIN), null);
    }

    public boolean isTenantUser() {
        return tenantId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Staff who may change tenant data: admins and staff, not read-only users. */
    public boolean canWriteTenantData() {
        return isTenantUser() && hasAny(Role.TENANT_ADMIN, Role.STAFF);
    }

    public boolean canReadTenantData() {
        return isTenantUser() && hasAny(Role.TENANT_ADMIN, Role.STAFF, Role.READ_ONLY);
    }

    /** The name written to created_by / updated_by and the audit log. */
    public String auditName() {
        return tenantSlug == null ? username : username + "@" + tenantSlug;
    }
}
