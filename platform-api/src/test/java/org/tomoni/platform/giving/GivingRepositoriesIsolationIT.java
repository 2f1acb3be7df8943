package org.tomoni.platform.giving;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Each giving repository, given tenant B's scope, sees and changes nothing of tenant A's. */
@MicronautTest(transactional = false)
class GivingRepositoriesIsolationIT extends PlatformTest {
    TestTenant a;
    TestTenant b;
    UUID person;
    GiftPlans.PlanView plan;
    RecurringGifts.GiftView gift;
    Donations.DonationView donation;
    Receipts.ReceiptView receipt;

    @BeforeAll
    void tenantAHasGiving() {
        a = tenants().create("repo-iso-a", "grant_fund");
        b = tenants().create("repo-iso-b", "grant_fund");
        person = context.getBean(People.class).create(a.admin(), PersonRequest.basic("甲", "太郎", "コウ", "タロウ", null, "ko@example.jp", null,
            null, null, null, null, null, null)).orThrow().id();
        plan = context.getBean(GiftPlans.class).create(a.admin(), new GiftPlans.PlanRequest("甲のプラン", 300L, "monthly", null, true)).orThrow();
        gift = context.getBean(RecurringGifts.class).create(a.admin(), new RecurringGifts.GiftRequest(person.toString(), plan.id().toString(), 2,
            "cash", "2027-01")).orThrow();
        donation = context.getBean(Donations.class).create(a.admin(), new Donations.DonationRequest(person.toString(), 5000L, "2026-11-01",
            "cash", "donation", null, null)).orThrow();
        receipt = context.getBean(Receipts.class).issue(a.admin(), donation.id()).orThrow();
        context.getBean(GivingSettings.class).update(a.admin(), 0, new GivingSettings.SettingsRequest("甲の住所", null, null, null, null, null,
            null, null, null, 10, null, null)).orThrow();
    }

    private <T> T inB(Function<TenantScope, T> work) {
        return context.getBean(TenantTransactions.class).write(b.admin(), work);
    }

    private <T> T inA(Function<TenantScope, T> work) {
        return context.getBean(TenantTransactions.class).write(a.admin(), work);
    }

    @Test
    void gift_plans_of_a_are_not_found_listed_counted_published_or_taken_in_b() {
        var v1 = inB(s -> GiftPlanRepository.find(s, plan.id()));
        assertThat(v1).isEmpty();
        var v2 = inB(s -> GiftPlanRepository.page(s, PageRequest.of(null, null)));
        assertThat(v2).isEmpty();
        var v3 = inB(GiftPlanRepository::count);
        assertThat(v3).isZero();
        var v4 = inB(GiftPlanRepository::published);
        assertThat(v4).isEmpty();
        var v5 = inB(s -> GiftPlanRepository.nameTaken(s, "甲のプラン"));
        assertThat(v5).isFalse();
        var v6 = inA(s -> GiftPlanRepository.find(s, plan.id()));
        assertThat(v6).isPresent();
    }

    @Test
    void recurring_gifts_of_a_are_not_found_listed_or_changed_in_b() {
        var v7 = inB(s -> RecurringGiftRepository.find(s, gift.id(), true));
        assertThat(v7).isEmpty();
        var v8 = inB(s -> RecurringGiftRepository.page(s, null, PageRequest.of(null, null)));
        assertThat(v8).isEmpty();
        var v9 = inB(s -> RecurringGiftRepository.count(s, null));
        assertThat(v9).isZero();
        var v10 = inB(s -> RecurringGiftRepository.setUnits(s, gift.id(), 9));
        assertThat(v10).isZero();
        var v11 = inB(s -> RecurringGiftRepository.setStatus(s, gift.id(), GiftStatus.ACTIVE, GiftStatus.PAUSED, null));
        assertThat(v11).isZero();
        inB(s -> {
            RecurringGiftRepository.cardDeclined(s, gift.id(), "card_declined", "x");
            return null;
        });
        RecurringGifts.GiftView unchanged = inA(s -> RecurringGiftRepository.find(s, gift.id(), true)).orElseThrow();
        assertThat(unchanged.units()).isEqualTo(2);
        assertThat(unchanged.status()).isEqualTo("active");
        assertThat(unchanged.history()).extracting(RecurringGifts.Event::kind).containsExactly("created");
    }

    @Test
    void donations_of_a_are_not_found_listed_or_receipted_in_b() {
        var v12 = inB(s -> DonationRepository.find(s, donation.id()));
        assertThat(v12).isEmpty();
        var v13 = inB(s -> DonationRepository.page(s, new DonationRepository.Filter(null, null, null), PageRequest.of(null, null)));
        assertThat(v13).isEmpty();
        var v14 = inB(s -> DonationRepository.count(s, new DonationRepository.Filter(person, null, null)));
        assertThat(v14).isZero();
        var v15 = inB(s -> DonationRepository.withIds(s, List.of(donation.id())));
        assertThat(v15).isEmpty();
        var v16 = inB(s -> DonationRepository.unreceipted(s, person, 2026));
        assertThat(v16).isEmpty();
        var v17 = inB(s -> DonationRepository.markReceipted(s, List.of(donation.id()), UUID.randomUUID()));
        assertThat(v17).isZero();
        var v18 = inA(s -> DonationRepository.find(s, donation.id())).orElseThrow().receiptId();
        assertThat(v18).isEqualTo(receipt.id());
    }

    @Test
    void receipts_of_a_are_not_found_listed_read_as_pdf_or_voided_in_b() {
        var v19 = inB(s -> ReceiptRepository.find(s, receipt.id()));
        assertThat(v19).isEmpty();
        var v20 = inB(s -> ReceiptRepository.pdf(s, receipt.id()));
        assertThat(v20).isEmpty();
        var v21 = inB(s -> ReceiptRepository.page(s, person, null, PageRequest.of(null, null)));
        assertThat(v21).isEmpty();
        var v22 = inB(s -> ReceiptRepository.count(s, null, null));
        assertThat(v22).isZero();
        var v23 = inB(s -> ReceiptRepository.voidFor(s, receipt.id(), UUID.randomUUID()));
        assertThat(v23).isZero();
        var v24 = inA(s -> ReceiptRepository.find(s, receipt.id())).orElseThrow().status();
        assertThat(v24).isEqualTo("issued");
    }

    @Test
    void giving_settings_of_a_are_not_read_in_b() {
        GivingSettings.SettingsView inB = inB(GivingSettingsRepository::find);
        var v25 = inB.organizationAddress();
        assertThat(v25).isNull();
        var v26 = inB.debitDay();
        assertThat(v26).isEqualTo(27);
        var v27 = inB(GivingSettingsRepository::sealedAccount);
        assertThat(v27).isEmpty();
        var v28 = inA(GivingSettingsRepository::find).organizationAddress();
        assertThat(v28).isEqualTo("甲の住所");
    }

    @Test
    void an_idempotency_key_of_a_is_neither_seen_nor_taken_in_b() {
        var v29 = inA(s -> IdempotencyKeyRepository.claim(s, "iso", "same-key", "hash-a"));
        assertThat(v29).isTrue();
        var v30 = inB(s -> IdempotencyKeyRepository.find(s, "iso", "same-key"));
        assertThat(v30).isEmpty();
        var v31 = inB(s -> IdempotencyKeyRepository.claim(s, "iso", "same-key", "hash-b"));
        assertThat(v31).as("B's own key").isTrue();
        inB(s -> {
            IdempotencyKeyRepository.complete(s, "iso", "same-key", 201, "b's response");
            return null;
        });
        IdempotencyKeyRepository.Stored stored = inA(s -> IdempotencyKeyRepository.find(s, "iso", "same-key")).orElseThrow();
        assertThat(stored.requestHash()).isEqualTo("hash-a");
        assertThat(stored.response()).isEmpty();
    }

    @Test
    void a_donor_of_a_has_no_contact_in_b() {
        var v32 = inB(s -> DonorRepository.contact(s, person));
        assertThat(v32).isEqualTo(new Donors.Contact("", null));
        var v33 = inA(s -> DonorRepository.contact(s, person));
        assertThat(v33).isEqualTo(new Donors.Contact("甲 太郎", "ko@example.jp"));
    }
}
