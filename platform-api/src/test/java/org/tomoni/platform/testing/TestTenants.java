package org.tomoni.platform.testing;

import io.micronaut.context.ApplicationContext;
import org.tomoni.platform.identity.Passwords;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Role;

import java.util.Set;
import java.util.UUID;

/** Builds tenants (with their admin logged in) and further users for tests. */
public final class TestTenants {
    public static final String PASSWORD = "correct-horse-battery";
    private static final Actor OPERATOR = new Actor(null, "test-operator", null, null, Set.of(Role.PLATFORM_OPERATOR), null);
    private final ApplicationContext context;
    private final Api api;

    TestTenants(ApplicationContext context, Api api) {
        this.context = context;
        this.api = api;
    }

    /** A tenant of the platform, as a test sees it. */
    public record TestTenant(UUID id, String slug, String adminToken, Actor admin) {
    }

    public TestTenant create(String slug) {
        return create(slug, "other");
    }

    public TestTenant create(String slug, String kind) {
        return create(slug, kind, null);
    }

    /** A tenant of the kind whose settings switch the given modules off. */
    public TestTenant createWithout(String slug, String kind, org.tomoni.platform.tenancy.Module... off) {
        java.util.List<String> modules = new java.util.ArrayList<>(context.getBean(org.tomoni.platform.onboarding.TenantKinds.class)
            .find(kind).orElseThrow().modules());
        java.util.List.of(off).forEach(m -> modules.remove(m.code()));
        return create(slug, kind, new org.tomoni.platform.tenancy.TenantSettings(4, modules.stream().sorted().toList(), java.util.Map.of()));
    }

    private TestTenant create(String slug, String kind, org.tomoni.platform.tenancy.TenantSettings settings) {
        var onboarded = context.getBean(TenantOnboarding.class).onboard(OPERATOR, new TenantOnboarding.Request(slug,
            slug + " の会", slug + " association", kind, settings, new TenantOnboarding.NewAdmin("admin", "管理者", PASSWORD))).orThrow();
        UUID tenantId = onboarded.tenant().id();
        Actor admin = new Actor(onboarded.admin().user().id(), "admin", tenantId, slug, Set.of(Role.TENANT_ADMIN), null);
        ownPassword(context, admin);
        return new TestTenant(tenantId, slug, api.login(slug, "admin", PASSWORD), admin);
    }

    /** A further user of the tenant with the role, logged in; its access token. */
    public String userToken(TestTenant tenant, String username, Role role) {
        UUID id = context.getBean(UserManagement.class).create(tenant.admin(),
            new UserManagement.NewUser(username, username, role.code(), PASSWORD)).orThrow().user().id();
        ownPassword(context, new Actor(id, id.toString(), tenant.id(), tenant.slug(), Set.of(role), null));
        return api.login(tenant.slug(), username, PASSWORD);
    }

    /**
     * The user (created by an admin or onboarding, so with a temporary password) changes it to {@link #PASSWORD} as its
     * owner, as at a first sign-in; after it the user signs in without the forced change.
     */
    public static void ownPassword(ApplicationContext context, Actor user) {
        context.getBean(Passwords.class).change(user, null, PASSWORD, PASSWORD).orThrow();
    }

    /** {@link #ownPassword} for a tenant's user known by id. */
    public static void ownPassword(ApplicationContext context, TestTenant tenant, UUID userId, Role role) {
        ownPassword(context, new Actor(userId, userId.toString(), tenant.id(), tenant.slug(), Set.of(role), null));
    }
}
