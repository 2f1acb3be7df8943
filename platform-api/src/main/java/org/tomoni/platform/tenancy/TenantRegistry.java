package org.tomoni.platform.tenancy;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import org.tomoni.platform.shared.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;
/** The tenant registry: a global table, read by login and onboarding. */
@Singleton
public class TenantRegistry {
    static final Table<Record> TENANTS = table(name("tenants"));
    static final Field<String> SLUG = field(name("slug"), SQLDataType.CLOB);
    static final Field<String> NAME_JA = field(name("name_ja"), SQLDataType.CLOB);
    static final Field<String> NAME_EN = field(name("name_en"), SQLDataType.CLOB);
    static final Field<String> KIND = field(name("kind"), SQLDataType.CLOB);
    static final Field<JSONB> SETTINGS = field(name("settings"), SQLDataType.JSONB);
    static final Field<String> STATUS = field(name("status"), SQLDataType.CLOB);

    private final TenantTransactions tx;
    private final ObjectMapper json;
    private final Clock clock;

    TenantRegistry(TenantTransactions tx, ObjectMapper json, Clock clock) {
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public Optional<Tenant> findBySlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return tx.platform(dsl -> dsl.selectFrom(TENANTS).where(SLUG.eq(slug)).fetchOptional(this::toTenant));
    }

    public Optional<Tenant> findById(UUID id) {
        return tx.platform(dsl -> dsl.selectFrom(TENANTS).where(ID.eq(id)).fetchOptional(this::toTenant));
    }

    public List<Tenant> all() {
        return tx.platform(dsl -> dsl.selectFrom(TENANTS).orderBy(SLUG).fetch(this::toTenant));
    }

    public boolean isEmpty() {
        return tx.platform(dsl -> !dsl.fetchExists(TENANTS));
    }

    /** Inserts a tenant inside the caller's transaction (onboarding creates its first admin in the same one). */
    public Tenant insert(DSLContext dsl, NewTenant t, String actor) {
        OffsetDateTime now = Columns.now(clock);
        dsl.insertInto(TENANTS)
            .set(ID, t.id()).set(SLUG, t.slug()).set(NAME_JA, t.nameJa()).set(NAME_EN, t.nameEn())
            .set(KIND, t.kind()).set(SETTINGS, JSONB.valueOf(write(t.settings())))
            .set(CREATED_AT, now).set(CREATED_BY, actor).set(UPDATED_AT, now).set(UPDATED_BY, actor)
            .execute();
        return new Tenant(t.id(), t.slug(), t.nameJa(), t.nameEn(), t.kind(), t.settings(), "active", now, 0);
    }

    /** Replaces a tenant's settings inside the caller's transaction; the updated tenant, or empty when there is none. */
    public Optional<Tenant> updateSettings(DSLContext dsl, UUID id, TenantSettings settings, String actor) {
        int n = dsl.update(TENANTS).set(SETTINGS, JSONB.valueOf(write(settings))).set(UPDATED_AT, Columns.now(clock)).set(UPDATED_BY, actor)
            .set(VERSION, VERSION.plus(1)).where(ID.eq(id)).execute();
        return n == 0 ? Optional.empty() : dsl.selectFrom(TENANTS).where(ID.eq(id)).fetchOptional(this::toTenant);
    }

    public boolean slugTaken(DSLContext dsl, String slug) {
        return dsl.fetchExists(TENANTS, SLUG.eq(slug));
    }

    /** What onboarding supplies for a new tenant; {@code kind} is the code of a row of tenant_kinds. */
    public record NewTenant(UUID id, String slug, String nameJa, String nameEn, String kind, TenantSettings settings) {
    }

    private Tenant toTenant(Record r) {
        return new Tenant(r.get(ID), r.get(SLUG), r.get(NAME_JA), r.get(NAME_EN), r.get(KIND),
            read(r.get(SETTINGS)), r.get(STATUS), r.get(CREATED_AT), r.get(VERSION));
    }

    private String write(TenantSettings settings) {
        try {
            return json.writeValueAsString(settings);
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
