package org.tomoni.platform.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.AuditTrail;
import org.tomoni.platform.shared.AuditTrail.Result;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantKind;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantSettings;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A platform operator onboards an organisation: the tenant and its first admin in one
 * transaction, configured by kind (no code change for a new organisation).
 */
@Singleton
public class TenantOnboarding {
    private final AccessPolicy policy;
    private final TenantRegistry registry;
    private final TenantTransactions tx;
    private final UserManagement users;
    private final AuditTrail audit;

    TenantOnboarding(TenantRegistry registry, TenantTransactions tx, UserManagement users, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.registry = registry;
        this.tx = tx;
        this.users = users;
        this.audit = audit;
    }

    @Serdeable
    public record NewAdmin(String username, @Nullable String displayName, @Nullable String password) {
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

    public Outcome<Onboarded> onboard(Actor actor, Request request) {
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
        Optional<TenantKind> kind = TenantKind.fromCode(request.kind());
        if (kind.isEmpty()) {
            errors.add(FieldError.of("kind", "kind"));
        }
        TenantSettings settings = settings(errors, request.settings(), kind);
        if (request.admin() == null) {
            errors.add(FieldError.of("admin.username", "required"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        UUID tenantId = Ids.newId();
        return tx.platform(dsl -> {
            if (registry.slugTaken(dsl, slug)) {
                return Outcome.<Onboarded>invalid(List.of(FieldError.of("slug", "taken")));
            }
            Tenant tenant = registry.insert(dsl, new TenantRegistry.NewTenant(tenantId, slug, nameJa, nameEn, kind.get(), settings),
                actor.auditName());
            audit.record(dsl, actor, "tenant.onboard", "tenant", tenantId, Result.SUCCESS);
            Outcome<UserManagement.WithPassword> admin = tx.write(tenantId, tenantDsl -> users.createIn(tenantDsl, tenantId,
                new UserManagement.NewUser(request.admin().username(), request.admin().displayName(), Role.TENANT_ADMIN.code(),
                    request.admin().password()), actor.auditName()));
            if (admin instanceof Outcome.Rejected<UserManagement.WithPassword> r) {
                return Outcome.<Onboarded>invalid(r.errors().stream()
                    .map(e -> new FieldError("admin." + e.field(), e.code(), e.message())).toList());
            }
            return admin.map(a -> new Onboarded(tenant, a));
        });
    }

    @Serdeable
    public record ModulesRequest(@Nullable List<String> enabledModules) {
    }

    /**
     * Switches a tenant's modules on or off within what its kind offers; members (the party model
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
        TenantKind kind = TenantKind.fromCode(tenant.get().kind()).orElseThrow();
        List<String> wanted = request.enabledModules() == null ? List.of() : request.enabledModules();
        if (wanted.stream().anyMatch(m -> m == null || Module.fromCode(m).filter(kind.defaultModules()::contains).isEmpty())) {
            return Outcome.invalid(List.of(FieldError.of("enabledModules", "invalid")));
        }
        if (!wanted.contains(Module.MEMBERS.code())) {
            return Outcome.invalid(List.of(FieldError.of("enabledModules", "required")));
        }
        TenantSettings current = tenant.get().settings();
        TenantSettings next = new TenantSettings(current.fiscalYearStartMonth(), wanted.stream().distinct().sorted().toList(), current.vocabulary());
        return tx.platform(dsl -> {
            Optional<Tenant> updated = registry.updateSettings(dsl, tenantId, next, actor.auditName());
            audit.record(dsl, actor, "tenant.modules", "tenant", tenantId, Result.SUCCESS);
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

    private static TenantSettings settings(List<FieldError> errors, TenantSettings given, Optional<TenantKind> kind) {
        if (kind.isEmpty()) {
            return null;
        }
        if (given == null) {
            return TenantSettings.defaultsFor(kind.get());
        }
        if (given.fiscalYearStartMonth() < 1 || given.fiscalYearStartMonth() > 12) {
            errors.add(FieldError.of("settings.fiscalYearStartMonth", "invalid"));
        }
        if (given.enabledModules().stream().anyMatch(m -> Module.fromCode(m).filter(kind.get().defaultModules()::contains).isEmpty())) {
            errors.add(FieldError.of("settings.enabledModules", "invalid"));
        }
        List<String> modules = given.enabledModules().isEmpty()
            ? TenantSettings.defaultsFor(kind.get()).enabledModules() : given.enabledModules();
        return new TenantSettings(given.fiscalYearStartMonth(), modules, given.vocabulary());
    }
}
