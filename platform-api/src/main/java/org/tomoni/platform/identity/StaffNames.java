package org.tomoni.platform.identity;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who did it, as staff read it in a record's history: the audit names written to {@code created_by}, {@code updated_by}
 * and history rows ({@code <user id>@<tenant>}) become the colleague's display name. Anyone who may read the records
 * may read their colleagues' names; names of another tenant's users are never resolved (the viewer's scope).
 */
@Singleton
public class StaffNames {
    private final TenantTransactions tx;
    private final AccessPolicy policy;

    StaffNames(TenantTransactions tx, AccessPolicy policy) {
        this.tx = tx;
        this.policy = policy;
    }

    /** The display name of each audit name that is a user of the viewer's tenant; the others (jobs, public forms) are left out. */
    public Outcome<Map<String, String>> of(Actor viewer, Collection<String> auditNames) {
        if (policy.checkAny(viewer, Capability.PEOPLE_READ, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        if (viewer.tenantSlug() == null) {
            return Outcome.ok(Map.of());
        }
        Map<UUID, String> byId = new HashMap<>();
        for (String name : Set.copyOf(auditNames)) {
            userOf(name, viewer.tenantSlug()).ifPresent(id -> byId.put(id, name));
        }
        if (byId.isEmpty()) {
            return Outcome.ok(Map.of());
        }
        Map<UUID, String> names = tx.read(viewer, scope -> UserRepository.names(scope, byId.keySet()));
        return Outcome.ok(names.entrySet().stream().collect(Collectors.toMap(e -> byId.get(e.getKey()), Map.Entry::getValue)));
    }

    /** {@code <uuid>@<slug>} of this tenant → the user id. */
    private static Optional<UUID> userOf(String auditName, String slug) {
        if (auditName == null || !auditName.endsWith("@" + slug)) {
            return Optional.empty();
        }
        return Ids.parse(auditName.substring(0, auditName.length() - slug.length() - 1));
    }
}
