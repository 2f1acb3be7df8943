package org.tomoni.platform.members.memberships;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jooq.Record4;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.schema.Tables.CHARGES;

/** The dues giving's billing run reads through {@link MembershipDues}: the same rule as the run's own statement had. */
@MicronautTest(transactional = false)
class MembershipDuesOfPeriodIT extends PlatformTest {

    @Test
    void monthly_fees_fall_due_each_month_yearly_ones_in_the_fiscal_start_month_and_one_off_fees_in_the_start_month() {
        TestTenant t = tenants().create("dues-of-period");
        String token = t.adminToken();
        String monthlyPerUnit = type(token, "口数会員", 1000, "monthly", true, "person");
        String yearly = type(token, "年会員", 12000, "yearly", false, "person");
        String once = type(token, "入会金", 5000, "once", false, "person");
        String free = type(token, "名誉会員", 0, "monthly", false, "person");
        String orgMonthly = type(token, "賛助団体", 3000, "monthly", false, "organization");
        String person = person(token, "期間");
        String org = idOf(api().post("/api/v1/organizations", token, Map.of("name", "期間商店", "nameKana", "キカンショウテン",
            "kind", "company")));

        String units = membership(token, "personId", person, monthlyPerUnit, "2026-05-10", 3);
        String year = membership(token, "personId", person, yearly, "2026-01-01", 1);
        String joining = membership(token, "personId", person, once, "2026-05-20", 1);
        membership(token, "personId", person, free, "2026-01-01", 1);
        String later = membership(token, "personId", person, monthlyPerUnit, "2026-06-01", 1);
        String ended = membership(token, "personId", person, monthlyPerUnit, "2026-01-01", 1);
        assertThat(api().post("/api/v1/memberships/" + ended + "/end", token, Map.of("endsOn", "2026-04-30")).status()).isEqualTo(200);
        String organization = membership(token, "organizationId", org, orgMonthly, "2026-02-01", 1);

        assertThat(dues(t, LocalDate.parse("2026-05-01"), 4)).as("May: the monthly ones started by May and not ended before it, the one-off of May")
            .isEqualTo(Map.of(units, 3000L, joining, 5000L, organization, 3000L));
        assertThat(dues(t, LocalDate.parse("2026-04-01"), 4)).as("April, the fiscal year's first month: the yearly fee too; "
                + "an ended membership owes nothing more, even in its last month").isEqualTo(Map.of(year, 12000L, organization, 3000L));
        assertThat(ended).isNotNull();
        assertThat(dues(t, LocalDate.parse("2026-06-01"), 4)).as("June: no one-off fee again")
            .isEqualTo(Map.of(units, 3000L, later, 1000L, organization, 3000L));
        assertThat(dues(t, LocalDate.parse("2026-06-01"), 6)).as("a fiscal year from June bills the yearly fee in June")
            .containsEntry(year, 12000L).hasSize(4);
    }

    @Test
    void the_dues_are_what_the_billing_run_charges_as_fees() {
        TestTenant t = tenants().create("dues-like-run");
        String token = t.adminToken();
        String monthly = type(token, "正会員", 2000, "monthly", true, "person");
        String yearly = type(token, "年会員", 10000, "yearly", false, "person");
        String person = person(token, "請求");
        membership(token, "personId", person, monthly, "2027-03-15", 2);
        membership(token, "personId", person, yearly, "2026-12-01", 1);

        assertThat(api().post("/api/v1/billing-runs", token, Map.of("period", "2027-04")).status()).isEqualTo(201);
        Map<UUID, Long> charged = new HashMap<>();
        context.getBean(TenantTransactions.class).read(t.admin(), scope -> scope.dsl()
            .select(CHARGES.MEMBERSHIP_ID, CHARGES.AMOUNT).from(CHARGES)
            .where(scope.owns(CHARGES), CHARGES.KIND.eq("fee"), CHARGES.PERIOD.eq(LocalDate.parse("2027-04-01"))).fetch())
            .forEach(r -> charged.put(r.value1(), r.value2()));
        Map<UUID, Long> due = new HashMap<>();
        dues(t, LocalDate.parse("2027-04-01"), 4).forEach((k, v) -> due.put(UUID.fromString(k), v));
        assertThat(due).hasSize(2).isEqualTo(charged);
    }

    @Test
    void another_tenants_scope_sees_none_of_the_dues() {
        TestTenant a = tenants().create("dues-iso-a");
        TestTenant b = tenants().create("dues-iso-b");
        membership(a.adminToken(), "personId", person(a.adminToken(), "隔離"), type(a.adminToken(), "正会員", 1000, "monthly", false, "person"),
            "2026-01-01", 1);
        assertThat(dues(a, LocalDate.parse("2026-05-01"), 4)).hasSize(1);
        assertThat(dues(b, LocalDate.parse("2026-05-01"), 4)).isEmpty();
    }

    private Map<String, Long> dues(TestTenant t, LocalDate period, int fiscalStart) {
        List<Record4<UUID, UUID, UUID, Long>> rows = context.getBean(TenantTransactions.class).read(t.admin(),
            scope -> MembershipDues.duesOfPeriod(scope, period, fiscalStart).fetch());
        Map<String, Long> byMembership = new HashMap<>();
        rows.forEach(r -> byMembership.put(r.value1().toString(), r.value4()));
        return byMembership;
    }

    private String type(String token, String name, int fee, String period, boolean perUnit, String kind) {
        return idOf(api().post("/api/v1/membership-types", token, Map.of("name", name, "feeYen", fee, "period", period, "perUnit", perUnit,
            "memberKind", kind)));
    }

    private String person(String token, String family) {
        return idOf(api().post("/api/v1/people", token, Map.of("familyName", family, "givenName", "会員", "familyNameKana", "キカン",
            "givenNameKana", "カイイン")));
    }

    private String membership(String token, String key, String member, String type, String startsOn, int units) {
        return idOf(api().post("/api/v1/memberships", token, Map.of(key, member, "typeId", type, "startsOn", startsOn, "units", units)));
    }

    private static String idOf(ApiResponse created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
