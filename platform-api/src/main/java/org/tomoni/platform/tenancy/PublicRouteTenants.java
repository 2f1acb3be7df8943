package org.tomoni.platform.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * For anonymous routes that name their tenant in something other than a {@code tenantSlug}
 * path variable (e.g. a signed donor link): which tenant a path variable's value belongs to,
 * so that {@link ModuleFilter} can check the module. Empty when the variable is not this
 * resolver's or the value is no good (the route then answers for itself).
 */
public interface PublicRouteTenants {
    Optional<UUID> tenantOf(String variable, Object value);
}
