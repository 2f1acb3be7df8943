package org.tomoni.platform.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.KindTemplates;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.TenantKindView;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantSettings;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A platform operator onboards an organisation: the tenant, its first admin and what its kind's
 * templates create (branches, membership types, gift plans) in one transaction, configured by
 * the kind's data (no code change for a new organisation or a new kind).
 */
@Singleton
public class TenantOnboarding {
    private final AccessPolicy policy;
    private final TenantRegistry registry;
    private final TenantTransactions tx;
    private final UserManagement users;
    private final AuditTrail audit;
    private final TenantKinds kinds;
    private final KindTemplates templates;

    TenantOnboarding(TenantRegistry registry, TenantTransactions tx, UserManagement users, AuditTrail audit, TenantKinds kinds,
                     KindTemplates templates, AccessPolicy policy) {
        this.policy = policy;
        this.registry = registry;
        this.tx = tx;
        this.users = users;
        this.audit = audit;
        this.kinds = kinds;
        this.templates = templates;
    }

    /** The first admin: the password (given or generated) is temporary; {@code email} (optional) receives reset links. */
    @Serdeable
    public record NewAdmin(String username, @Nullable String displayName, @Nullable String password, @Nullable String email) {
        @io.micronaut.core.annotation.Creator
        public NewAdmin {
        }

        public NewAdmin(String username, String displayName, String password) {
            this(username, displayName, password, null);
        }
    }

    @Serdeable
    public record Request(String slug, String nameJa, String nameEn, String kind, @Nullable TenantSettings settings,
                          NewAdmin admin) {
    }

    @Serdeable
    public record Onboarded(Tenant tenant, UserManagement.WithPassword admin) {
    }

    /** Every tenant of the platform, for the operator. */
    public Outcome<org.tomoni.platform.shared.Page<Tenant>> tenants(Actor actor) {
        if (policy.check(actor, Capability.TENANTS_ONBOARD) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        var all = registry.all();
        return Outcome.ok(new org.tomoni.platform.shared.Page<>(all, all.size(), 0, all.size()));
    }

    /** Onboards a tenant; its first admin changes the password at first sign-in. */
    public Outcome<Onboarded> onboard(Actor actor, Request request) {
        return onboard(actor, request, true);
    }

    /** As {@link #onboard(Actor, Request)}; {@code temporaryAdminPassword} false only for the demo, whose password the provisioner chose. */
    public Outcome<Onboarded> onboard(Actor actor, Request request, boolean temporaryAdminPassword) {
        if (policy.check(actor, Capability.TENANTS_ONBOARD) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        String slug = request.slug() == null ? null : request.slug().strip();
        if (slug == null || !slug.matches("[a-z][a-z0-9-]{1,38}[a-z0-9]")) {
            errors.add(FieldError.of("slug", "slug"));
        }
        String nameJa = name(errors, "nameJa", request.nameJa());
        String nameEn = name(errors, "nameEn", request.nameEn());
        if (request.admin() == null) {
            errors.add(FieldError.of("admin.username", "required"));
        }
        UUID tenantId = Ids.newId();
        // One transaction: the registry row, the first admin and the kind's templates; any rejection creates nothing.
        return tx.platform(actor.auditName(), scope -> {
            Optional<TenantKindView> kind = kinds.find(scope, request.kind());
            if (kind.isEmpty()) {
                errors.add(FieldError.of("kind", "kind"));
            }
            TenantSettings settings = kind.map(k -> settings(errors, request.settings(), k)).orElse(null);
            if (!errors.isEmpty()) {
                return Outcome.<Onboarded>invalid(errors);
            }
            if (registry.slugTaken(scope, slug)) {
                return Outcome.<Onboarded>invalid(List.of(FieldError.of("slug", "taken")));
            }
            Tenant tenant = registry.insert(scope, new TenantRegistry.NewTenant(tenantId, slug, nameJa, nameEn, kind.get().code(), settings));
            audit.record(scope, actor, "tenant.onboard", "tenant", tenantId, Result.SUCCESS);
            // The tenant's own rows (its first admin, the kind's templates) are written by a job of the new tenant, in this transaction.
            Actor onboarder = NarrowActors.job("onboarding", tenantId, slug, Capability.MEMBERS_SETTINGS, Capability.GIVING_SETTINGS);
            Outcome<UserManagement.WithPassword> admin = tx.write(onboarder, tenantScope -> users.createIn(tenantScope,
                new UserManagement.NewUser(request.admin().username(), request.admin().displayName(), Role.TENANT_ADMIN.code(),
                    request.admin().password(), request.admin().email()), temporaryAdminPassword));
            if (admin instanceof Outcome.Rejected<UserManagement.WithPassword> r) {
                return Outcome.<Onboarded>invalid(r.errors().stream()
                    .map(e -> new FieldError("admin." + e.field(), e.code(), e.message())).toList());
            }
            Outcome<Void> templates = this.templates.apply(onboarder, settings, kind.get().templates());
            if (templates instanceof Outcome.Rejected<Void> r) {
                return Outcome.<Onboarded>invalid(r.errors());
            }
            return admin.map(a -> new Onboarded(tenant, a));
        });
    }

    @Serdeable
    public record ModulesRequest(@Nullable List<String> enabledModules) {
    }

    /**
     * Switches a tenant's modules on or off within what its kind offers now (the kind's row); members (the party model
     * every module stands on) stays on. The API edge and the UI follow at the next request.
     */
    public Outcome<Tenant> setModules(Actor actor, UUID tenantId, ModulesRequest request) {
        if (policy.check(actor, Capability.TENANTS_ONBOARD) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        Optional<Tenant> tenant = registry.findById(tenantId);
        if (tenant.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        TenantKindView kind = kinds.find(tenant.get().kind()).orElseThrow();
        List<String> wanted = request.enabledModules() == null ? List.of() : request.enabledModules();
        if (wanted.stream().anyMatch(m -> m == null || !kind.offers(m))) {
            return Outcome.invalid(List.of(FieldError.of("enabledModules", "invalid")));
        }
        if (!wanted.contains(Module.MEMBERS.code())) {
            return Outcome.invalid(List.of(FieldError.of("enabledModules", "required")));
        }
        TenantSettings current = tenant.get().settings();
        TenantSettings next = new TenantSettings(current.fiscalYearStartMonth(), wanted.stream().distinct().sorted().toList(), current.vocabulary());
        return tx.platform(actor.auditName(), scope -> {
            Optional<Tenant> updated = registry.updateSettings(scope, tenantId, next);
            audit.record(scope, actor, "tenant.modules", "tenant", tenantId, Result.SUCCESS);
            return updated.<Outcome<Tenant>>map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND));
        });
    }

    private static String name(List<FieldError> errors, String field, String raw) {
        var problem = org.tomoni.platform.shared.TextRules.check(field, raw);
        if (problem.isPresent()) {
            errors.add(FieldError.of(field, problem.get()));
            return null;
        }
        String value = JapaneseText.clean(raw);
        if (value == null) {
            errors.add(FieldError.of(field, "required"));
        } else if (value.length() > 200) {
            errors.add(FieldError.of(field, "too_long"));
        }
        return value;
    }

    /** The kind's defaults, or the settings given, which may switch some of the kind's modules off but add none. */
    private static TenantSettings settings(List<FieldError> errors, TenantSettings given, TenantKindView kind) {
        if (given == null) {
            return TenantSettings.defaultsFor(kind);
        }
        if (given.fiscalYearStartMonth() < 1 || given.fiscalYearStartMonth() > 12) {
            errors.add(FieldError.of("settings.fiscalYearStartMonth", "invalid"));
        }
        if (given.enabledModules().stream().anyMatch(m -> m == null || !kind.offers(m))) {
            errors.add(FieldError.of("settings.enabledModules", "invalid"));
        }
        List<String> modules = given.enabledModules().isEmpty()
            ? TenantSettings.defaultsFor(kind).enabledModules() : given.enabledModules();
        Map<String, String> vocabulary = new HashMap<>(kind.vocabulary());
        vocabulary.putAll(given.vocabulary());
        return new TenantSettings(given.fiscalYearStartMonth(), modules, vocabulary);
    }
}
