package org.tomoni.platform.tenancy;

import jakarta.inject.Singleton;
import org.tomoni.platform.persistence.PlatformScope;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant registry: a global table, read by login and onboarding. */
@Singleton
public class TenantRegistry {
    /** What reads of the registry record as their actor; they write nothing. */
    private static final String READER = "tenant-registry";

    private final TenantTransactions tx;
    private final TenantRepository rows;

    TenantRegistry(TenantTransactions tx, TenantRepository rows) {
        this.tx = tx;
        this.rows = rows;
    }

    public Optional<Tenant> findBySlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return tx.platform(READER, scope -> rows.findBySlug(scope, slug));
    }

    public Optional<Tenant> findById(UUID id) {
        return tx.platform(READER, scope -> rows.findById(scope, id));
    }

    public List<Tenant> all() {
        return tx.platform(READER, rows::all);
    }

    /** Every tenant's id, for work that visits each tenant in turn (the mail sender). */
    public List<UUID> ids() {
        return tx.platform(READER, rows::ids);
    }

    public boolean isEmpty() {
        return !tx.platform(READER, rows::any);
    }

    /** Inserts a tenant inside the caller's transaction (onboarding creates its first admin in the same one). */
    public Tenant insert(PlatformScope scope, NewTenant t) {
        rows.insert(scope, t);
        return rows.findById(scope, t.id()).orElseThrow();
    }

    /** Replaces a tenant's settings inside the caller's transaction; the updated tenant, or empty when there is none. */
    public Optional<Tenant> updateSettings(PlatformScope scope, UUID id, TenantSettings settings) {
        return rows.updateSettings(scope, id, settings) == 0 ? Optional.empty() : rows.findById(scope, id);
    }

    public boolean slugTaken(PlatformScope scope, String slug) {
        return rows.slugTaken(scope, slug);
    }

    /** What onboarding supplies for a new tenant; {@code kind} is the code of a row of tenant_kinds. */
    public record NewTenant(UUID id, String slug, String nameJa, String nameEn, String kind, TenantSettings settings) {
    }
}
