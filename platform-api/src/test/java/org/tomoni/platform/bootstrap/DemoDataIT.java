package org.tomoni.platform.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.testing.PlatformTest;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo is large enough to feel real and has no leftovers (issue 12): a few hundred people per
 * tenant with readings in katakana and phones by the digit rules, the same on every start; member
 * hubs with memberships in the hub network; a year of past gifts with receipts; nothing dated in
 * the future, no run left unfinished, no batch reconciled before its debit date.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIT extends PlatformTest {

    @BeforeAll
    void provision() {
        context.getBean(DemoProvisioning.class).provisionIfWanted(true, "demo-password-123");
    }

    @Test
    void every_demo_tenant_has_a_few_hundred_people_with_katakana_readings_and_phones_by_the_digit_rules() throws Exception {
        for (DemoData.DemoTenant t : DemoData.TENANTS) {
            UUID id = tenant(t.slug());
            assertThat(count(id, "select count(*) from people")).as(t.slug()).isGreaterThanOrEqualTo(200);
            assertThat(count(id, "select count(*) from people where family_name_kana !~ '^[ァ-ヶー]+$' or given_name_kana !~ '^[ァ-ヶー]+$'"))
                .as(t.slug() + " readings in katakana").isZero();
            assertThat(count(id, "select count(*) from people where phone is not null and not (phone ~ '^0[5789]0[0-9]{8}$' "
                + "or (phone ~ '^0[1-9][0-9]{8}$' and phone !~ '^0[5789]0'))")).as(t.slug() + " phones: 11-digit mobiles and IP, 10-digit landlines").isZero();
            assertThat(count(id, "select count(*) from people where postal_code !~ '^[0-9]{7}$' or prefecture is null"))
                .as(t.slug() + " addresses").isZero();
            assertThat(count(id, "select count(*) from people where lower(family_name || given_name || coalesce(email, '')) ~ 'test|dummy|sample'"))
                .as(t.slug() + " nothing test-looking").isZero();
            assertThat(count(id, "select count(*) from (select family_name, given_name from people group by 1, 2 having count(*) > 1) d"))
                .as(t.slug() + " each full name one person").isZero();
            assertThat(count(id, "select count(*) from memberships where person_id is not null and status = 'active'"))
                .as(t.slug() + " people hold memberships").isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void the_generator_gives_the_same_people_on_every_start() {
        var first = DemoPeople.generate("yume-fund", 300, DemoPeople.KANTO, new HashSet<>());
        var again = DemoPeople.generate("yume-fund", 300, DemoPeople.KANTO, new HashSet<>());
        assertThat(again).isEqualTo(first);
        assertThat(DemoPeople.generate("inclu-fund", 300, DemoPeople.KANTO, new HashSet<>())).as("another tenant, other people")
            .isNotEqualTo(first);
    }

    @Test
    void the_hub_network_has_member_hubs_with_memberships_and_types_for_organisations() throws Exception {
        UUID id = tenant("hiroba-network");
        assertThat(count(id, "select count(*) from membership_types where member_kind in ('organization', 'both')")).isGreaterThanOrEqualTo(2);
        assertThat(count(id, "select count(distinct m.organization_id) from memberships m join organizations o on o.tenant_id = m.tenant_id "
            + "and o.id = m.organization_id where m.status = 'active' and o.kind in ('npo', 'other')")).as("member hubs").isGreaterThanOrEqualTo(20);
        assertThat(count(id, "select count(*) from organizations where member_number is not null")).as("a member number each")
            .isGreaterThanOrEqualTo(20);
        assertThat(count(id, "select count(*) from memberships m join organizations o on o.tenant_id = m.tenant_id and o.id = m.organization_id "
            + "where o.kind = 'company'")).as("corporate supporters").isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_giving_tenants_have_a_year_of_past_gifts_with_receipts_and_nothing_in_the_future_or_half_done() throws Exception {
        for (String slug : List.of("yume-fund", "inclu-fund")) {
            UUID id = tenant(slug);
            assertThat(count(id, "select count(distinct date_trunc('month', received_on)) from donations")).as(slug + " months of gifts")
                .isGreaterThanOrEqualTo(12);
            assertThat(count(id, "select count(*) from donations where organization_id is not null")).as(slug + " organisations give")
                .isPositive();
            assertThat(count(id, "select count(*) from donations where received_on > (now() at time zone 'Asia/Tokyo')::date"))
                .as(slug + " nothing received in the future").isZero();
            assertThat(count(id, "select count(*) from receipts where status = 'issued'")).as(slug + " receipts").isPositive();
        }
        for (DemoData.DemoTenant t : DemoData.TENANTS) {
            UUID id = tenant(t.slug());
            assertThat(count(id, "select count(*) from billing_runs where status <> 'completed'")).as(t.slug() + " no run left unfinished").isZero();
            assertThat(count(id, "select count(*) from debit_batches where status = 'reconciled' "
                + "and (reconciled_at at time zone 'Asia/Tokyo')::date < debit_date")).as(t.slug() + " no batch reconciled before its debit date")
                .isZero();
            assertThat(count(id, "select count(*) from debit_batches where status = 'reconciled' and period >= "
                + "date_trunc('month', now() at time zone 'Asia/Tokyo')")).as(t.slug() + " reconciled runs are of past months only").isZero();
            assertThat(count(id, "select count(*) from charges where status = 'pending'")).as(t.slug() + " no charge left pending").isZero();
        }
    }

    private UUID tenant(String slug) {
        return context.getBean(TenantRegistry.class).findBySlug(slug).orElseThrow().id();
    }

    private long count(UUID tenantId, String sql) throws Exception {
        try (var c = ownerConnection(tenantId); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
