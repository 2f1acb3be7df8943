package org.tomoni.platform.onboarding;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.PlatformScope;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of tenant, as data the platform operator manages (a global table): each names the
 * modules a tenant of that kind may have, and what onboarding gives a new one (those modules, the
 * fiscal year start, vocabulary, templates). Only the platform operator reads or writes them.
 */
@Singleton
public class TenantKinds {
    /** Lowercase snake case, as every code the API speaks: {@code children_fund}. */
    private static final Pattern CODE_PATTERN = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** A label key of the UI's messages: {@code member}, {@code menu.people}. */
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][A-Za-z0-9]*([._-][A-Za-z0-9]+)*");
    private static final int MAX_VOCABULARY = 200;

    /** What reads of the kinds outside an operator's request record as their actor; they write nothing. */
    private static final String READER = "tenant-kinds";

    private final TenantTransactions tx;
    private final KindTemplates templates;
    private final AccessPolicy policy;
    private final TenantKindRepository rows;
    private final AuditTrail audit;

    TenantKinds(TenantTransactions tx, KindTemplates templates, TenantKindRepository rows, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.templates = templates;
        this.rows = rows;
        this.audit = audit;
    }

    public Outcome<Page<TenantKindView>> list(Actor actor, PageRequest page) {
        return this.<Page<TenantKindView>>operator(actor).orElseGet(() -> tx.platform(actor.auditName(), scope ->
            Outcome.ok(Page.of(rows.page(scope, page), rows.count(scope), page))));
    }

    public Outcome<TenantKindView> get(Actor actor, String code) {
        return this.<TenantKindView>operator(actor).orElseGet(() -> tx.platform(actor.auditName(), scope -> find(scope, code)
            .<Outcome<TenantKindView>>map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    /** A kind for onboarding and the module switch, read in the caller's transaction. */
    public Optional<TenantKindView> find(PlatformScope scope, String code) {
        return code == null ? Optional.empty() : rows.find(scope, code);
    }

    public Optional<TenantKindView> find(String code) {
        return tx.platform(READER, scope -> find(scope, code));
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
        TenantKindRepository.Values d = read(request, errors);
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.platform(actor.auditName(), scope -> {
            if (!rows.insert(scope, code, d)) {
                return new Outcome.Rejected<TenantKindView>(ErrorCode.DUPLICATE, List.of(FieldError.of("code", "taken")));
            }
            audit.record(scope, actor, "tenant_kind.create", "tenant_kind", code, Result.SUCCESS);
            return Outcome.ok(find(scope, code).orElseThrow());
        });
    }

    /** Replaces a kind's names, modules, fiscal year, vocabulary and templates; its code never changes. Tenants already onboarded keep their settings. */
    public Outcome<TenantKindView> update(Actor actor, String code, long version, TenantKindRequest request) {
        Optional<Outcome<TenantKindView>> denied = operator(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        return tx.platform(actor.auditName(), scope -> {
            if (find(scope, code).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            List<FieldError> errors = new ArrayList<>();
            if (request.code() != null && !request.code().strip().equals(code)) {
                errors.add(FieldError.of("code", "immutable"));
            }
            TenantKindRepository.Values d = read(request, errors);
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            if (rows.update(scope, code, version, d) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, actor, "tenant_kind.update", "tenant_kind", code, Result.SUCCESS);
            return Outcome.ok(find(scope, code).orElseThrow());
        });
    }

    /** The module codes an operator may name, in the documented order. */
    public static List<String> moduleCodes() {
        return Arrays.stream(Module.values()).map(Module::code).toList();
    }

    /** Everything but the code, with every bad field named. */
    private TenantKindRepository.Values read(TenantKindRequest r, List<FieldError> errors) {
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
        return new TenantKindRepository.Values(nameJa, nameEn, modules.stream().sorted().toList(), month, vocabulary, r.templates());
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
}
