package org.tomoni.platform.onboarding;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.TextRules;
import org.tomoni.platform.tenancy.KindTemplates;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.TenantKindRequest;
import org.tomoni.platform.tenancy.TenantKindView;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/**
 * The kinds of tenant, as data the platform operator manages (a global table): each names the
 * modules a tenant of that kind may have, and what onboarding gives a new one (those modules, the
 * fiscal year start, vocabulary, templates). Only the platform operator reads or writes them.
 */
@Singleton
public class TenantKinds {
    static final Table<Record> KINDS = table(name("tenant_kinds"));
    static final Field<String> CODE = field(name("code"), SQLDataType.CLOB);
    static final Field<String> NAME_JA = field(name("name_ja"), SQLDataType.CLOB);
    static final Field<String> NAME_EN = field(name("name_en"), SQLDataType.CLOB);
    static final Field<String[]> MODULES = field(name("modules"), SQLDataType.CLOB.array());
    static final Field<Short> FISCAL_MONTH = field(name("fiscal_year_start_month"), SQLDataType.SMALLINT);
    static final Field<JSONB> VOCABULARY = field(name("vocabulary"), SQLDataType.JSONB);
    static final Field<JSONB> TEMPLATES = field(name("templates"), SQLDataType.JSONB);

    /** Lowercase snake case, as every code the API speaks: {@code children_fund}. */
    private static final Pattern CODE_PATTERN = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** A label key of the UI's messages: {@code member}, {@code menu.people}. */
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][A-Za-z0-9]*([._-][A-Za-z0-9]+)*");
    private static final int MAX_VOCABULARY = 200;

    private final TenantTransactions tx;
    private final KindTemplates templates;
    private final AccessPolicy policy;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    TenantKinds(TenantTransactions tx, KindTemplates templates, JsonMapper json, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.templates = templates;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome<Page<TenantKindView>> list(Actor actor, PageRequest page) {
        return this.<Page<TenantKindView>>operator(actor).orElseGet(() -> tx.platform(dsl -> {
            List<TenantKindView> items = dsl.selectFrom(KINDS).orderBy(CODE).limit(page.size()).offset(page.offset()).fetch(this::toView);
            return Outcome.ok(Page.of(items, dsl.fetchCount(KINDS), page));
        }));
    }

    public Outcome<TenantKindView> get(Actor actor, String code) {
        return this.<TenantKindView>operator(actor).orElseGet(() -> tx.platform(dsl -> find(dsl, code)
            .<Outcome<TenantKindView>>map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    /** A kind for onboarding and the module switch, read in the caller's transaction. */
    public Optional<TenantKindView> find(DSLContext dsl, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return dsl.selectFrom(KINDS).where(CODE.eq(code)).fetchOptional(this::toView);
    }

    public Optional<TenantKindView> find(String code) {
        return tx.platform(dsl -> find(dsl, code));
    }

    public Outcome<TenantKindView> create(Actor actor, TenantKindRequest request) {
        Optional<Outcome<TenantKindView>> denied = operator(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<FieldError> errors = new ArrayList<>();
        String code = request.code() == null ? null : request.code().strip();
        if (code == null || code.isEmpty()) {
            errors.add(FieldError.of("code", "required"));
        } else if (code.length() < 2 || code.length() > 40 || !CODE_PATTERN.matcher(code).matches()) {
            errors.add(FieldError.of("code", "kind_code"));
        }
        Data d = read(request, errors);
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.platform(dsl -> {
            OffsetDateTime now = Columns.now(clock);
            int n = dsl.insertInto(KINDS).set(CODE, code).set(NAME_JA, d.nameJa()).set(NAME_EN, d.nameEn()).set(MODULES, d.modules())
                .set(FISCAL_MONTH, d.fiscalMonth()).set(VOCABULARY, d.vocabulary()).set(TEMPLATES, d.templates())
                .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName())
                .onConflictDoNothing().execute();
            if (n == 0) {
                return new Outcome.Rejected<TenantKindView>(ErrorCode.DUPLICATE, List.of(FieldError.of("code", "taken")));
            }
            audit.record(dsl, actor, "tenant_kind.create", "tenant_kind", code, Result.SUCCESS);
            return Outcome.ok(find(dsl, code).orElseThrow());
        });
    }

    /** Replaces a kind's names, modules, fiscal year, vocabulary and templates; its code never changes. Tenants already onboarded keep their settings. */
    public Outcome<TenantKindView> update(Actor actor, String code, long version, TenantKindRequest request) {
        Optional<Outcome<TenantKindView>> denied = operator(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        return tx.platform(dsl -> {
            if (find(dsl, code).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            List<FieldError> errors = new ArrayList<>();
            if (request.code() != null && !request.code().strip().equals(code)) {
                errors.add(FieldError.of("code", "immutable"));
            }
            Data d = read(request, errors);
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            int n = dsl.update(KINDS).set(NAME_JA, d.nameJa()).set(NAME_EN, d.nameEn()).set(MODULES, d.modules())
                .set(FISCAL_MONTH, d.fiscalMonth()).set(VOCABULARY, d.vocabulary()).set(TEMPLATES, d.templates())
                .set(UPDATED_AT, Columns.now(clock)).set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1))
                .where(CODE.eq(code), VERSION.eq(version)).execute();
            if (n == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "tenant_kind.update", "tenant_kind", code, Result.SUCCESS);
            return Outcome.ok(find(dsl, code).orElseThrow());
        });
    }

    /** The module codes an operator may name, in the documented order. */
    public static List<String> moduleCodes() {
        return Arrays.stream(Module.values()).map(Module::code).toList();
    }

    private record Data(String nameJa, String nameEn, String[] modules, short fiscalMonth, JSONB vocabulary, JSONB templates) {
    }

    /** Everything but the code, with every bad field named. */
    private Data read(TenantKindRequest r, List<FieldError> errors) {
        String nameJa = label(errors, "nameJa", r.nameJa());
        String nameEn = label(errors, "nameEn", r.nameEn());
        List<String> modules = new ArrayList<>();
        if (r.modules() == null || r.modules().isEmpty()) {
            errors.add(FieldError.of("modules", "required"));
        } else {
            for (int i = 0; i < r.modules().size(); i++) {
                String m = r.modules().get(i);
                if (m == null || Module.fromCode(m.strip()).isEmpty()) {
                    errors.add(FieldError.of("modules[" + i + "]", "module"));
                } else if (!modules.contains(m.strip())) {
                    modules.add(m.strip());
                }
            }
            if (!modules.contains(Module.MEMBERS.code()) && errors.stream().noneMatch(e -> e.field().startsWith("modules"))) {
                errors.add(FieldError.of("modules", "members_required"));
            }
        }
        int month = r.fiscalYearStartMonth() == null ? 4 : r.fiscalYearStartMonth();
        if (month < 1 || month > 12) {
            errors.add(FieldError.of("fiscalYearStartMonth", "fiscal_month"));
        }
        Map<String, String> vocabulary = vocabulary(errors, r.vocabulary());
        errors.addAll(templates.check(r.templates(), modules));
        if (!errors.isEmpty()) {
            return null;
        }
        return new Data(nameJa, nameEn, modules.stream().sorted().toArray(String[]::new), (short) month,
            JSONB.valueOf(write(vocabulary)), JSONB.valueOf(r.templates() == null || r.templates().isNull() ? "{}" : write(r.templates())));
    }

    private static Map<String, String> vocabulary(List<FieldError> errors, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        if (given.size() > MAX_VOCABULARY) {
            errors.add(FieldError.of("vocabulary", "too_long"));
            return out;
        }
        given.forEach((key, word) -> {
            String field = "vocabulary." + key;
            if (key == null || key.length() > 100 || !LABEL_KEY.matcher(key).matches()) {
                errors.add(FieldError.of(field, "label_key"));
                return;
            }
            Optional<String> problem = TextRules.check(word, false, TextRules.NAME);
            String value = JapaneseText.clean(word);
            if (problem.isPresent()) {
                errors.add(FieldError.of(field, problem.get()));
            } else if (value == null) {
                errors.add(FieldError.of(field, "required"));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    private static String label(List<FieldError> errors, String field, String raw) {
        Optional<String> problem = TextRules.check(field, raw);
        if (problem.isPresent()) {
            errors.add(FieldError.of(field, problem.get()));
            return null;
        }
        String value = JapaneseText.clean(raw);
        if (value == null) {
            errors.add(FieldError.of(field, "required"));
        }
        return value;
    }

    private <T> Optional<Outcome<T>> operator(Actor actor) {
        return policy.check(actor, Capability.TENANT_KINDS_MANAGE) instanceof Outcome.Rejected<Void> refused
            ? Optional.of(refused.cast()) : Optional.empty();
    }

    private TenantKindView toView(Record r) {
        try {
            Map<String, String> vocabulary = json.readValue(r.get(VOCABULARY).data(),
                io.micronaut.core.type.Argument.mapOf(String.class, String.class));
            JsonNode templates = json.readValue(r.get(TEMPLATES).data(), JsonNode.class);
            return new TenantKindView(r.get(CODE), r.get(NAME_JA), r.get(NAME_EN), List.of(r.get(MODULES)), r.get(FISCAL_MONTH),
                vocabulary, templates, r.get(CREATED_AT), r.get(UPDATED_AT), r.get(VERSION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
