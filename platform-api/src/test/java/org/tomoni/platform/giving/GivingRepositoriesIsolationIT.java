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
        assertThat(inB(s -> GiftPlanRepository.find(s, plan.id()))).isEmpty();
        assertThat(inB(s -> GiftPlanRepository.page(s, PageRequest.of(null, null)))).isEmpty();
        assertThat(inB(GiftPlanRepository::count)).isZero();
        assertThat(inB(GiftPlanRepository::published)).isEmpty();
        assertThat(inB(s -> GiftPlanRepository.nameTaken(s, "甲のプラン"))).isFalse();
        assertThat(inA(s -> GiftPlanRepository.find(s, plan.id()))).isPresent();
    }

    @Test
    void recurring_gifts_of_a_are_not_found_listed_or_changed_in_b() {
        assertThat(inB(s -> RecurringGiftRepository.find(s, gift.id(), true))).isEmpty();
        assertThat(inB(s -> RecurringGiftRepository.page(s, null, PageRequest.of(null, null)))).isEmpty();
        assertThat(inB(s -> RecurringGiftRepository.count(s, null))).isZero();
        assertThat(inB(s -> RecurringGiftRepository.setUnits(s, gift.id(), 9))).isZero();
        assertThat(inB(s -> RecurringGiftRepository.setStatus(s, gift.id(), GiftStatus.ACTIVE, GiftStatus.PAUSED, null))).isZero();
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
        assertThat(inB(s -> DonationRepository.find(s, donation.id()))).isEmpty();
        assertThat(inB(s -> DonationRepository.page(s, new DonationRepository.Filter(null, null, null), PageRequest.of(null, null)))).isEmpty();
        assertThat(inB(s -> DonationRepository.count(s, new DonationRepository.Filter(person, null, null)))).isZero();
        assertThat(inB(s -> DonationRepository.withIds(s, List.of(donation.id())))).isEmpty();
        assertThat(inB(s -> DonationRepository.unreceipted(s, person, 2026))).isEmpty();
        assertThat(inB(s -> DonationRepository.markReceipted(s, List.of(donation.id()), UUID.randomUUID()))).isZero();
        assertThat(inA(s -> DonationRepository.find(s, donation.id())).orElseThrow().receiptId()).isEqualTo(receipt.id());
    }

    @Test
    void receipts_of_a_are_not_found_listed_read_as_pdf_or_voided_in_b() {
        assertThat(inB(s -> ReceiptRepository.find(s, receipt.id()))).isEmpty();
        assertThat(inB(s -> ReceiptRepository.pdf(s, receipt.id()))).isEmpty();
        assertThat(inB(s -> ReceiptRepository.page(s, person, null, PageRequest.of(null, null)))).isEmpty();
        assertThat(inB(s -> ReceiptRepository.count(s, null, null))).isZero();
        assertThat(inB(s -> ReceiptRepository.voidFor(s, receipt.id(), UUID.randomUUID()))).isZero();
        assertThat(inA(s -> ReceiptRepository.find(s, receipt.id())).orElseThrow().status()).isEqualTo("issued");
    }

    @Test
    void giving_settings_of_a_are_not_read_in_b() {
        GivingSettings.SettingsView inB = inB(GivingSettingsRepository::find);
        assertThat(inB.organizationAddress()).isNull();
        assertThat(inB.debitDay()).isEqualTo(27);
        assertThat(inB(GivingSettingsRepository::sealedAccount)).isEmpty();
        assertThat(inA(GivingSettingsRepository::find).organizationAddress()).isEqualTo("甲の住所");
    }

    @Test
    void an_idempotency_key_of_a_is_neither_seen_nor_taken_in_b() {
        assertThat(inA(s -> IdempotencyKeyRepository.claim(s, "iso", "same-key", "hash-a"))).isTrue();
        assertThat(inB(s -> IdempotencyKeyRepository.find(s, "iso", "same-key"))).isEmpty();
        assertThat(inB(s -> IdempotencyKeyRepository.claim(s, "iso", "same-key", "hash-b"))).as("B's own key").isTrue();
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
        assertThat(inB(s -> DonorRepository.contact(s, person))).isEqualTo(new Donors.Contact("", null));
        assertThat(inA(s -> DonorRepository.contact(s, person))).isEqualTo(new Donors.Contact("甲 太郎", "ko@example.jp"));
    }
}
