package org.tomoni.platform.onboarding;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.jooq.JSONB;
import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.schema.tables.records.TenantKindsRecord;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantKindView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.tomoni.platform.schema.Tables.TENANT_KINDS;

/** The tenant kinds (a global table); vocabulary and templates are stored as jsonb. */
@Singleton
class TenantKindRepository {
    private final JsonMapper json;

    TenantKindRepository(JsonMapper json) {
        this.json = json;
    }

    /** A kind as written: everything but the code, already checked. */
    record Values(String nameJa, String nameEn, List<String> modules, int fiscalYearStartMonth, Map<String, String> vocabulary,
                  JsonNode templates) {
    }

    /** Inserts the kind unless its code is taken; whether it did. */
    boolean insert(PlatformScope scope, String code, Values v) {
        return scope.insertInto(TENANT_KINDS).set(TENANT_KINDS.CODE, code).set(TENANT_KINDS.NAME_JA, v.nameJa())
            .set(TENANT_KINDS.NAME_EN, v.nameEn()).set(TENANT_KINDS.MODULES, v.modules().toArray(String[]::new))
            .set(TENANT_KINDS.FISCAL_YEAR_START_MONTH, (short) v.fiscalYearStartMonth()).set(TENANT_KINDS.VOCABULARY, jsonb(v.vocabulary()))
            .set(TENANT_KINDS.TEMPLATES, templates(v.templates())).onConflictDoNothing().execute() == 1;
    }

    /** Replaces a kind still at {@code version}; the number of rows changed (0 or 1). */
    int update(PlatformScope scope, String code, long version, Values v) {
        return scope.update(TENANT_KINDS).set(TENANT_KINDS.NAME_JA, v.nameJa()).set(TENANT_KINDS.NAME_EN, v.nameEn())
            .set(TENANT_KINDS.MODULES, v.modules().toArray(String[]::new))
            .set(TENANT_KINDS.FISCAL_YEAR_START_MONTH, (short) v.fiscalYearStartMonth())
            .set(TENANT_KINDS.VOCABULARY, jsonb(v.vocabulary())).set(TENANT_KINDS.TEMPLATES, templates(v.templates()))
            .whereVersion(version, TENANT_KINDS.CODE.eq(code));
    }

    Optional<TenantKindView> find(PlatformScope scope, String code) {
        return scope.dsl().selectFrom(TENANT_KINDS).where(TENANT_KINDS.CODE.eq(code)).fetchOptional(this::toView);
    }

    List<TenantKindView> page(PlatformScope scope, PageRequest page) {
        return scope.dsl().selectFrom(TENANT_KINDS).orderBy(TENANT_KINDS.CODE).limit(page.size()).offset(page.offset()).fetch(this::toView);
    }

    long count(PlatformScope scope) {
        return scope.dsl().fetchCount(TENANT_KINDS);
    }

    private TenantKindView toView(TenantKindsRecord r) {
        try {
            Map<String, String> vocabulary = json.readValue(r.getVocabulary().data(), Argument.mapOf(String.class, String.class));
            JsonNode templates = json.readValue(r.getTemplates().data(), JsonNode.class);
            return new TenantKindView(r.getCode(), r.getNameJa(), r.getNameEn(), List.of(r.getModules()), r.getFiscalYearStartMonth(),
                vocabulary, templates, r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No templates is an empty object, as the column's default. */
    private JSONB templates(JsonNode templates) {
        return templates == null || templates.isNull() ? JSONB.valueOf("{}") : jsonb(templates);
    }

    private JSONB jsonb(Object value) {
        try {
            return JSONB.valueOf(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
