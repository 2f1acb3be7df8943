package org.tomoni.platform.tenancy;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.jooq.JSONB;
import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.schema.tables.records.TenantsRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.TENANTS;

/** The tenant registry's rows (a global table); settings are stored as jsonb. */
@Singleton
class TenantRepository {
    private final ObjectMapper json;

    TenantRepository(ObjectMapper json) {
        this.json = json;
    }

    void insert(PlatformScope scope, TenantRegistry.NewTenant t) {
        scope.insertInto(TENANTS).set(TENANTS.ID, t.id()).set(TENANTS.SLUG, t.slug()).set(TENANTS.NAME_JA, t.nameJa())
            .set(TENANTS.NAME_EN, t.nameEn()).set(TENANTS.KIND, t.kind()).set(TENANTS.SETTINGS, write(t.settings()))
            .set(TENANTS.STATUS, TenantStatus.ACTIVE.code()).execute();
    }

    /** The number of rows changed (0 when there is no such tenant). */
    int updateSettings(PlatformScope scope, UUID id, TenantSettings settings) {
        return scope.update(TENANTS).set(TENANTS.SETTINGS, write(settings)).where(TENANTS.ID.eq(id));
    }

    Optional<Tenant> findById(PlatformScope scope, UUID id) {
        return scope.dsl().selectFrom(TENANTS).where(TENANTS.ID.eq(id)).fetchOptional(this::toTenant);
    }

    Optional<Tenant> findBySlug(PlatformScope scope, String slug) {
        return scope.dsl().selectFrom(TENANTS).where(TENANTS.SLUG.eq(slug)).fetchOptional(this::toTenant);
    }

    List<Tenant> all(PlatformScope scope) {
        return scope.dsl().selectFrom(TENANTS).orderBy(TENANTS.SLUG).fetch(this::toTenant);
    }

    List<UUID> ids(PlatformScope scope) {
        return scope.dsl().select(TENANTS.ID).from(TENANTS).orderBy(TENANTS.ID).fetch(TENANTS.ID);
    }

    boolean any(PlatformScope scope) {
        return scope.dsl().fetchExists(TENANTS);
    }

    boolean slugTaken(PlatformScope scope, String slug) {
        return scope.dsl().fetchExists(TENANTS, TENANTS.SLUG.eq(slug));
    }

    private Tenant toTenant(TenantsRecord r) {
        return new Tenant(r.getId(), r.getSlug(), r.getNameJa(), r.getNameEn(), r.getKind(), read(r.getSettings()), r.getStatus(),
            r.getCreatedAt(), r.getVersion());
    }

    private JSONB write(TenantSettings settings) {
        try {
            return JSONB.valueOf(json.writeValueAsString(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TenantSettings read(JSONB value) {
        try {
            return json.readValue(value.data(), TenantSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
