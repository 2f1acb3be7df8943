package org.tomoni.platform.access;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Donor links, the public sign-up form and the scheduler act as narrow actors: each can do what
 * it exists for and is refused by the policy for anything else.
 */
@MicronautTest(transactional = false)
class NarrowActorsIT extends PlatformTest {
    TestTenant t;
    Tenant tenant;
    UUID gift;
    UUID otherGift;
    UUID person;
    AccessPolicy policy;
    People people;
    RecurringGifts gifts;

    @BeforeAll
    void giving() {
        t = tenants().create("narrow-fund");
        tenant = context.getBean(TenantRegistry.class).findById(t.id()).orElseThrow();
        policy = context.getBean(AccessPolicy.class);
        people = context.getBean(People.class);
        gifts = context.getBean(RecurringGifts.class);
        String plan = id(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly")));
        person = UUID.fromString(id(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "寄付", "givenName", "者",
            "familyNameKana", "キフ", "givenNameKana", "シャ"))));
        gift = UUID.fromString(gift(person.toString(), plan));
        otherGift = UUID.fromString(gift(person.toString(), plan));
    }

    private String gift(String person, String plan) {
        return id(api().post("/api/v1/recurring-gifts", t.adminToken(), Map.of("personId", person, "planId", plan, "units", 1,
            "paymentMethod", "direct_debit", "startMonth", "2027-01")));
    }

    private static String id(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static ErrorCode refusal(Outcome<?> o) {
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) o).code();
    }

    @Test
    void a_donor_link_manages_its_own_gift_and_nothing_else() {
        Actor donor = NarrowActors.donor(tenant, gift);
        assertThat(gifts.changeUnits(donor, gift, 2).isOk()).isTrue();
        assertThat(refusal(gifts.changeUnits(donor, otherGift, 3))).as("another gift").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(gifts.change(donor, otherGift, "cancel"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(gifts.get(donor, otherGift))).as("reading a gift as staff do").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(gifts.list(donor, null, new PageRequest(0, 20)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(people.search(donor, "", new PageRequest(0, 20)))).as("listing people").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(people.get(donor, person))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(policy.allows(donor, Capability.DONOR_GIFT_MANAGE)).as("only ever on its one record").isFalse();
        assertThat(policy.checkOn(donor, gift, Capability.DONOR_GIFT_MANAGE).isOk()).isTrue();
        assertThat(donor.auditName()).isEqualTo("donor@narrow-fund");
    }

    @Test
    void the_public_sign_up_creates_a_person_but_cannot_read_or_change_one() {
        Actor signup = NarrowActors.publicSignup(tenant);
        assertThat(policy.allows(signup, Capability.PUBLIC_SIGNUP_CREATE)).isTrue();
        assertThat(refusal(people.search(signup, "", new PageRequest(0, 20)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(people.get(signup, person))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(people.archive(signup, person))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(gifts.get(signup, gift))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(policy.allows(signup, Capability.PEOPLE_SENSITIVE)).isFalse();
        assertThat(people.create(signup, PersonRequest.basic("公開", "申込", "コウカイ", "モウシコミ", null, "pub@example.jp", null, null, null,
            null, null, null, null)).isOk()).isTrue();
    }

    @Test
    void the_scheduler_runs_billing_but_cannot_read_people_or_gifts() {
        Actor scheduler = NarrowActors.job("scheduler", tenant, Capability.BILLING_RUN);
        assertThat(policy.allows(scheduler, Capability.BILLING_RUN)).isTrue();
        assertThat(refusal(people.search(scheduler, "", new PageRequest(0, 20)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(people.get(scheduler, person))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(gifts.get(scheduler, gift))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(policy.allows(scheduler, Capability.GIVING_SETTINGS)).isFalse();
        assertThat(policy.allows(scheduler, Capability.USERS_MANAGE)).isFalse();
        assertThat(scheduler.roles()).as("never a role").isEmpty();
    }

    @Test
    void a_partners_link_holds_only_its_one_capability() {
        Actor partner = NarrowActors.partner(tenant, UUID.randomUUID());
        assertThat(refusal(people.search(partner, "", new PageRequest(0, 20)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(policy.allows(partner, Capability.GIVING_READ)).isFalse();
    }

    @Test
    void a_capability_of_a_module_the_tenant_has_switched_off_is_not_found() {
        TestTenant noGiving = tenants().createWithout("narrow-nogiving", "other", Module.GIVING);
        assertThat(refusal(policy.check(noGiving.admin(), Capability.GIVING_READ))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(policy.check(noGiving.admin(), Capability.PEOPLE_READ).isOk()).isTrue();
        assertThat(refusal(policy.check(t.admin(), Capability.TENANTS_ONBOARD))).as("a tenant admin onboards nobody").isEqualTo(ErrorCode.FORBIDDEN);
    }
}
