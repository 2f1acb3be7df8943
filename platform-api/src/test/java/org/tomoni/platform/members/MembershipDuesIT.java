package org.tomoni.platform.members;

import org.tomoni.platform.members.memberships.Dues;
import org.tomoni.platform.members.memberships.Memberships;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantSettings;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.MutableClock;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.members.PartiesApiIT.idOf;

/**
 * A membership's dues by default cover the tenant's current fiscal year, as the platform's clock
 * tells the date. The clock keeps real time while the test signs in and writes (tokens are checked
 * against it), and is moved before the dues are asked for.
 */
@MicronautTest(transactional = false)
class MembershipDuesIT extends PlatformTest {
    private final MutableClock clock = new MutableClock(Instant.now());

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void dues_default_to_the_current_fiscal_year_from_april_by_the_injected_clock() {
        clock.set(Instant.now());
        TestTenant t = tenants().create("fiscal-april", "membership_organization");
        String membership = monthlyMembership(t.adminToken(), "2026-06-15");

        clock.set(Instant.parse("2027-02-10T03:00:00Z"));
        assertThat(periods(t, membership)).as("FY2026 runs 2026-04 to 2027-03; the membership starts in June").startsWith("2026-06")
            .endsWith("2027-03").hasSize(10);

        clock.set(Instant.parse("2027-05-01T03:00:00Z"));
        assertThat(periods(t, membership)).as("in May 2027 the current fiscal year is FY2027").startsWith("2027-04")
            .endsWith("2028-03").hasSize(12);
    }

    @Test
    void dues_follow_the_fiscal_year_start_month_in_the_tenants_settings() {
        clock.set(Instant.now());
        TestTenant t = tenants().create("fiscal-january", "membership_organization");
        TenantRegistry registry = context.getBean(TenantRegistry.class);
        TenantSettings s = registry.findById(t.id()).orElseThrow().settings();
        context.getBean(TenantTransactions.class).platform("test", scope -> registry.updateSettings(scope, t.id(),
            new TenantSettings(1, s.enabledModules(), s.vocabulary())));
        String membership = monthlyMembership(t.adminToken(), "2026-06-15");

        clock.set(Instant.parse("2027-02-10T03:00:00Z"));
        assertThat(periods(t, membership)).as("a fiscal year from January is the calendar year 2027")
            .startsWith("2027-01").endsWith("2027-12").hasSize(12);
    }

    private String monthlyMembership(String token, String startsOn) {
        String type = idOf(api().post("/api/v1/membership-types", token, Map.of("name", "正会員", "feeYen", 1000, "period", "monthly",
            "perUnit", false, "memberKind", "person")));
        String person = idOf(api().post("/api/v1/people", token, Map.of("familyName", "年度", "givenName", "会員",
            "familyNameKana", "ネンド", "givenNameKana", "カイイン")));
        return idOf(api().post("/api/v1/memberships", token, Map.of("personId", person, "typeId", type, "startsOn", startsOn)));
    }

    /** What GET /memberships/{id}/dues answers without from and to (the route passes them through). */
    private List<String> periods(TestTenant t, String membership) {
        return context.getBean(Memberships.class).dues(t.admin(), UUID.fromString(membership), null, null).orThrow().stream()
            .map(Dues.Line::period).toList();
    }
}
