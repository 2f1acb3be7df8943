package org.tomoni.platform.giving;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.testing.OffsetClock;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules the screens used to let through, enforced by the giving facades with the injected clock
 * (business dates in Asia/Tokyo): no annual receipt for a year not yet over, no money received on a
 * day still to come, no receipt from a certified tenant without its certification number and date.
 */
@MicronautTest(transactional = false)
class GivingRulesIT extends PlatformTest {
    private final OffsetClock clock = new OffsetClock();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_annual_receipt_for_a_year_not_yet_over_in_tokyo_is_refused_naming_the_year_and_issued_once_it_has_ended() {
        TestTenant t = tenants().create("rules-annual", "grant_fund");
        UUID person = person(t, "年末", "ネンマツ");
        donation(t, person, "2026-05-10").orThrow();

        // 23:59 on 31 December in Tokyo: the year is not over.
        clock.atTokyo(LocalDateTime.of(2026, 12, 31, 23, 59));
        Outcome<Receipts.ReceiptView> refused = receipts().annual(t.admin(), person, 2026);
        FieldError error = only(refused, "year", "year_not_over");
        assertThat(message(error, Locale.JAPANESE)).contains("2026年はまだ終わっていません", "2027年1月1日");
        assertThat(message(error, Locale.ENGLISH)).contains("The year 2026 is not over yet", "1 January 2027");
        assertThat(receipts().annual(t.admin(), person, 2027)).as("nor the year after").isInstanceOf(Outcome.Rejected.class);

        // 00:01 on 1 January in Tokyo is still 31 December in UTC: Tokyo's date counts.
        clock.atTokyo(LocalDateTime.of(2027, 1, 1, 0, 1));
        Receipts.ReceiptView annual = receipts().annual(t.admin(), person, 2026).orThrow();
        assertThat(annual.year()).isEqualTo(2026);
        assertThat(annual.total()).isEqualTo(5_000);
    }

    @Test
    void money_received_on_a_day_still_to_come_in_tokyo_is_refused_and_today_is_accepted() {
        TestTenant t = tenants().create("rules-future", "grant_fund");
        UUID person = person(t, "未来", "ミライ");

        clock.atTokyo(LocalDateTime.of(2027, 1, 1, 0, 30));
        only(donation(t, person, "2027-01-02"), "receivedOn", "date_in_future");
        Donations.DonationView today = donation(t, person, "2027-01-01").orThrow();
        assertThat(today.receivedOn()).as("today in Tokyo, though still 31 December in UTC").isEqualTo("2027-01-01");
    }

    @Test
    void a_certified_tenant_without_its_certification_number_is_refused_a_receipt_with_what_to_fill_in_and_where() throws Exception {
        TestTenant t = tenants().create("rules-certified", "grant_fund");
        UUID person = person(t, "認定", "ニンテイ");
        GivingSettings settings = context.getBean(GivingSettings.class);
        assertThat(settings.get(t.admin()).orThrow().certified()).as("not certified until said so").isFalse();
        var saved = settings.update(t.admin(), 0, request(true, null, null)).orThrow();
        assertThat(saved.certified()).isTrue();
        Donations.DonationView gift = donation(t, person, "2026-06-01").orThrow();

        Outcome<Receipts.ReceiptView> refused = receipts().issue(t.admin(), gift.id());
        assertThat(refused).isInstanceOf(Outcome.Rejected.class);
        List<FieldError> errors = ((Outcome.Rejected<Receipts.ReceiptView>) refused).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("certificationNumber", "certificationDate");
        assertThat(message(errors.get(0), Locale.JAPANESE)).contains("認定番号", "「寄付の設定」", "入力");
        assertThat(message(errors.get(0), Locale.ENGLISH)).contains("certification number", "Giving settings");
        assertThat(receipts().annual(t.admin(), person, 2025)).as("the annual receipt too").isInstanceOf(Outcome.Rejected.class);
        assertThat(donations().get(t.admin(), gift.id()).orThrow().receiptStatus()).as("nothing issued").isEqualTo("not_issued");

        settings.update(t.admin(), saved.version(), request(null, "認定第77号", "2021-04-01")).orThrow();
        assertThat(settings.get(t.admin()).orThrow().certified()).as("a save that does not say keeps the flag").isTrue();
        Receipts.ReceiptView receipt = receipts().issue(t.admin(), gift.id()).orThrow();
        try (var doc = Loader.loadPDF(receipts().pdf(t.admin(), receipt.id()).orThrow())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("認定番号 認定第77号", "認定日 2021年4月1日");
        }
    }

    @Test
    void an_uncertified_tenant_issues_receipts_without_a_certification_number_and_a_certification_date_cannot_be_in_the_future() {
        TestTenant t = tenants().create("rules-plain", "grant_fund");
        UUID person = person(t, "任意", "ニンイ");
        Donations.DonationView gift = donation(t, person, "2026-06-01").orThrow();
        assertThat(receipts().issue(t.admin(), gift.id()).isOk()).isTrue();

        clock.atTokyo(LocalDateTime.of(2027, 1, 1, 9, 0));
        only(context.getBean(GivingSettings.class).update(t.admin(), 0, request(true, "認定第1号", "2027-01-02")), "certificationDate",
            "date_in_future");
    }

    private static GivingSettings.SettingsRequest request(Boolean certified, String number, String date) {
        return new GivingSettings.SettingsRequest("東京都千代田区千代田1-1", number, date, null, null, null, null, null, null, null, null, null,
            certified);
    }

    private FieldError only(Outcome<?> outcome, String field, String code) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        Outcome.Rejected<?> r = (Outcome.Rejected<?>) outcome;
        assertThat(r.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(r.errors()).extracting(FieldError::field, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
        return r.errors().get(0);
    }

    private String message(FieldError error, Locale locale) {
        return context.getBean(Messages.class).field(error, locale);
    }

    private Receipts receipts() {
        return context.getBean(Receipts.class);
    }

    private Donations donations() {
        return context.getBean(Donations.class);
    }

    private Outcome<Donations.DonationView> donation(TestTenant t, UUID person, String on) {
        return donations().create(t.admin(), new Donations.DonationRequest(person.toString(), 5000L, on, "cash", "donation", null, null));
    }

    private UUID person(TestTenant t, String family, String kana) {
        return context.getBean(People.class).create(t.admin(), PersonRequest.basic(family, "花子", kana, "ハナコ", null, null, null,
            null, null, null, null, null, null)).orThrow().id();
    }
}
