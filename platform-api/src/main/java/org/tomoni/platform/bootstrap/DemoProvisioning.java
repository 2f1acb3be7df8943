package org.tomoni.platform.bootstrap;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.NarrowActors;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.RandomSecrets;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The demo tenants drawn from the seeds, their `admin` logins, the `network` and `operator`
 * platform logins, and some people each. Idempotent by slug and username: a second start
 * provisions nothing. Each tenant is provisioned in one transaction (the registry row, its admin
 * and all its demo data): a crash mid-way leaves no half-made tenant for a restart to skip, and
 * the restart provisions that tenant whole.
 */
@Singleton
public class DemoProvisioning {
    private static final Logger LOG = LoggerFactory.getLogger(DemoProvisioning.class);
    static final Actor PROVISIONER = NarrowActors.platformJob("provisioning", Capability.TENANTS_ONBOARD);

    private final TenantRegistry registry;
    private final TenantOnboarding onboarding;
    private final PlatformAccounts platformAccounts;
    private final People people;
    private final org.tomoni.platform.members.people.PeopleCsv peopleCsv;
    private final DemoParties parties;
    private final DemoGiving giving;
    private final TenantTransactions tx;
    private final String apiPort;
    private final String uiPort;
    /** Called after each step of a tenant (inside its transaction); tests make it throw to simulate a crash. */
    private volatile BiConsumer<String, String> afterStep = (slug, step) -> { };

    DemoProvisioning(TenantRegistry registry, TenantOnboarding onboarding, PlatformAccounts platformAccounts, People people,
                     org.tomoni.platform.members.organizations.Organizations organizations, org.tomoni.platform.members.links.Relationships relationships,
                     org.tomoni.platform.members.links.Affiliations affiliations, org.tomoni.platform.members.branches.Branches branches,
                     org.tomoni.platform.members.memberships.MembershipTypes types, org.tomoni.platform.members.memberships.Memberships memberships,
                     org.tomoni.platform.giving.GiftPlans giftPlans, org.tomoni.platform.giving.GivingSettings givingSettings,
                     org.tomoni.platform.giving.Donations donations, org.tomoni.platform.giving.Receipts receipts,
                     org.tomoni.platform.members.people.PeopleCsv peopleCsv, java.time.Clock clock, TenantTransactions tx,
                     @Value("${micronaut.server.port:8080}") String apiPort, @Value("${platform.ui.port:8081}") String uiPort) {
        this.registry = registry;
        this.tx = tx;
        this.onboarding = onboarding;
        this.platformAccounts = platformAccounts;
        this.people = people;
        this.peopleCsv = peopleCsv;
        this.parties = new DemoParties(organizations, relationships, affiliations, branches, types, memberships);
        this.giving = new DemoGiving(giftPlans, givingSettings, donations, receipts, clock);
        this.apiPort = apiPort;
        this.uiPort = uiPort;
    }

    /** Provisions what is missing when wanted; returns the slugs it created. */
    public List<String> provisionIfWanted(boolean wanted, String password) {
        if (!wanted) {
            return List.of();
        }
        boolean generated = password == null || password.isBlank();
        String pw = generated ? RandomSecrets.password() : password;
        List<String> created = new ArrayList<>();
        for (DemoData.DemoTenant t : DemoData.TENANTS) {
            if (registry.findBySlug(t.slug()).isPresent()) {
                continue;
            }
            // One transaction for the tenant and everything in it: every service below joins it.
            tx.platform(PROVISIONER.auditName(), scope -> {
                var onboarded = onboarding.onboard(PROVISIONER, new TenantOnboarding.Request(t.slug(), t.nameJa(), t.nameEn(), t.kind(), null,
                    new TenantOnboarding.NewAdmin("admin", t.nameJa() + " 管理者", pw, "admin@" + t.slug() + ".example")), false).orThrow();
                afterStep.accept(t.slug(), "onboarded");
                addPeople(onboarded.tenant(), t);
                return null;
            });
            created.add(t.slug());
        }
        boolean platformCreated = createPlatformLogin("network", "ネットワーク事務局", Role.NETWORK_OFFICE, pw)
            | createPlatformLogin("operator", "プラットフォーム運用者", Role.PLATFORM_OPERATOR, pw);
        if (!created.isEmpty() || platformCreated) {
            announce(created, generated ? pw : null);
        }
        return created;
    }

    private void addPeople(Tenant tenant, DemoData.DemoTenant seed) {
        // A job that writes the demo's people, parties and settings (children among them), never a tenant admin.
        Actor admin = NarrowActors.job("provisioning", tenant, Capability.PEOPLE_WRITE, Capability.PEOPLE_SENSITIVE,
            Capability.MEMBERS_SETTINGS, Capability.GIVING_SETTINGS, Capability.PEOPLE_READ, Capability.GIVING_READ, Capability.GIVING_WRITE,
            Capability.RECEIPTS_ISSUE);
        List<org.tomoni.platform.members.people.PersonView> created = seed.people().stream().map(p -> people.create(admin, p).orThrow()).toList();
        // The generated few hundred in one set-based import, as an office brings in its list.
        java.util.Set<String> taken = new java.util.HashSet<>();
        created.forEach(p -> taken.add(p.familyName() + p.givenName()));
        List<DemoPeople.Person> many = DemoPeople.generate(tenant.slug(), seed.generated(), seed.towns(), taken);
        if (!many.isEmpty()) {
            peopleCsv.importCsv(admin, DemoPeople.csv(many)).orThrow();
        }
        List<java.util.UUID> generated = generatedIds(admin, many);
        afterStep.accept(tenant.slug(), "people");
        parties.provision(seed.parties(), admin, created, generated);
        afterStep.accept(tenant.slug(), "parties");
        seed.giving().run(giving, admin);
        if (seed.giving() != DemoGiving.NONE) {
            giving.pastYear(admin, generated, parties.givers);
        }
        afterStep.accept(tenant.slug(), "giving");
    }

    /** The generated people's ids, in the order generated (their full names are unique in the tenant). */
    private List<java.util.UUID> generatedIds(Actor admin, List<DemoPeople.Person> many) {
        java.util.Map<String, java.util.UUID> byName = new java.util.HashMap<>();
        for (int page = 0; ; page++) {
            var p = people.search(admin, "", new org.tomoni.platform.shared.PageRequest(page, org.tomoni.platform.shared.PageRequest.MAX_SIZE))
                .orThrow();
            p.items().forEach(v -> byName.put(v.familyName() + v.givenName(), v.id()));
            if (p.items().size() < org.tomoni.platform.shared.PageRequest.MAX_SIZE) {
                break;
            }
        }
        return many.stream().map(m -> byName.get(m.fullName())).filter(java.util.Objects::nonNull).toList();
    }

    /** For tests: {@code hook} runs after each step of each tenant, inside that tenant's transaction. */
    void afterEachStep(BiConsumer<String, String> hook) {
        afterStep = hook == null ? (slug, step) -> { } : hook;
    }

    private boolean createPlatformLogin(String username, String displayName, Role role, String password) {
        if (platformAccounts.exists(username)) {
            return false;
        }
        platformAccounts.create(username, displayName, role, password, PROVISIONER.auditName());
        return true;
    }

    private void announce(List<String> slugs, String generatedPassword) {
        StringBuilder sb = new StringBuilder("\n==================== Tomoni demo ====================\n");
        sb.append("API:          http://localhost:").append(apiPort).append("/api/v1  (Swagger UI: http://localhost:")
            .append(apiPort).append("/swagger-ui/index.html)\n");
        sb.append("Admin UI:     http://localhost:").append(uiPort).append("/\n");
        sb.append("Donate page:  http://localhost:").append(uiPort).append("/public/inclu-fund/donate  (no login)\n");
        sb.append("Tenants:      ").append(String.join(", ", slugs)).append("  (login: organisation = slug, user = admin)\n");
        sb.append("Platform:     network (network office), operator (platform operator)  (no organisation)\n");
        sb.append("Password:     ").append(generatedPassword != null ? generatedPassword + "  (generated; set PLATFORM_DEMO_PASSWORD to choose one)"
            : "as given in PLATFORM_DEMO_PASSWORD").append('\n');
        sb.append("=====================================================\n");
        LOG.info(sb.toString());
    }

}
