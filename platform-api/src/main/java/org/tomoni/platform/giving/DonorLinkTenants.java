package org.tomoni.platform.giving;

import jakarta.inject.Singleton;
import org.tomoni.platform.tenancy.PublicRouteTenants;

import java.util.Optional;
import java.util.UUID;

/** The tenant of a donor link's {@code token} path variable, for the module check. */
@Singleton
class DonorLinkTenants implements PublicRouteTenants {
    private final DonorLinks links;

    DonorLinkTenants(DonorLinks links) {
        this.links = links;
    }

    @Override
    public Optional<UUID> tenantOf(String variable, Object value) {
        return "token".equals(variable) && value != null ? links.verify(value.toString()).map(DonorLinks.Target::tenantId) : Optional.empty();
    }
}
