package org.tomoni.platform.ui.giving;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.Charges.ChargeView;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationRequest;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.Receipts;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: a run's every charge, a batch's debits, a person's charges and donations, and cancelling or correcting a donation. */
@MicronautTest(transactional = false)
class ChargesAndCorrectionsScreensIT extends ViewTest {
    TestTenant a;
    UUID runId;
    PersonView member;

    @BeforeAll
    void aRunWithDuesAndAGift() {
        a = tenants().create("charges-ui-a", "membership_organization");
        Actor admin = a.admin();
        member = person(admin, "会費", "花子", "カイヒ", "ハナコ");
        var type = context.getBean(MembershipTypes.class).create(admin, new MembershipTypeRequest("月会費", 600L, "once", false, "person", null))
            .orThrow();
        context.getBean(Memberships.class).create(admin, new MembershipRequest(member.id().toString(), null, type.id().toString(), 1,
            "2031-05-01", null)).orThrow();
        PersonView donor = person(admin, "未登録", "二郎", "ミトウロク", "ジロウ");
        var plan = context.getBean(GiftPlans.class).create(admin, new PlanRequest("一回", 300L, "once", null, true)).orThrow();
        context.getBean(RecurringGifts.class).create(admin, new RecurringGifts.GiftRequest(donor.id().toString(), plan.id().toString(), 1,
            "direct_debit", "2031-05")).orThrow();
        runId = context.getBean(BillingRuns.class).run(admin, "2031-05").orThrow().id();
    }

    @Test
    void a_run_opens_on_every_charge_with_method_status_and_why_in_japanese_and_english() {
        signInAdmin("charges-ui-a");
        UI.getCurrent().navigate(BillingRunsView.class);
        BillingRunsView view = _get(BillingRunsView.class);
        int row = _findAll(view.grid).stream().map(BillingRuns.RunView::id).toList().indexOf(runId);
        _selectRow(view.grid, row);
        assertThat(view.charges.isVisible()).isTrue();
        assertThat(view.charges.title.getText()).isEqualTo("2031年5月分の請求（すべて）");
        List<ChargeView> charges = _findAll(view.charges.grid);
        assertThat(charges).extracting(ChargeView::name).containsExactlyInAnyOrder("会費 花子", "未登録 二郎");
        int fee = charges.stream().map(ChargeView::name).toList().indexOf("会費 花子");
        assertThat(_getFormatted(view.charges.grid, fee, "kind")).isEqualTo("会費");
        assertThat(_getFormatted(view.charges.grid, fee, "method")).isEqualTo("銀行振込");
        assertThat(_getFormatted(view.charges.grid, fee, "status")).isEqualTo("未収（振込待ち。振替バッチには入りません）");
        assertThat(_getFormatted(view.charges.grid, 1 - fee, "status")).startsWith("未収（口座未登録のため振替できません");
        assertThat(view.charges.totals.getText()).contains("計 2件・900円", "銀行振込・未収 1件・600円", "口座振替・未収 1件・300円");

        view.charges.method.setValue("bank_transfer");
        assertThat(_findAll(view.charges.grid)).extracting(ChargeView::name).containsExactly("会費 花子");
        view.charges.method.clear();
        view.charges.name.setValue("未登録");
        assertThat(_findAll(view.charges.grid)).extracting(ChargeView::name).containsExactly("未登録 二郎");
        view.charges.name.clear();
        view.charges.status.setValue("collected");
        assertThat(_findAll(view.charges.grid)).isEmpty();
        view.charges.status.clear();

        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        assertThat(view.charges.title.getText()).contains("Charges for");
        assertThat(view.charges.transfer.getText()).isEqualTo("Record transfer received");
        assertThat(_getFormatted(view.charges.grid, fee, "method")).isEqualTo("Bank transfer");
        assertThat(_getFormatted(view.charges.grid, fee, "status")).isEqualTo("Unpaid (awaiting a bank transfer; never in a debit batch)");
        assertThat(view.charges.totals.getText()).contains("In all 2 charges");
        assertThat(view.charges.method.getLabel()).isEqualTo("Method");
        UI.getCurrent().setLocale(UiI18n.JAPANESE);
    }

    @Test
    void a_dues_charge_paid_by_transfer_is_recorded_after_a_confirmation_and_becomes_collected() {
        PersonView payer = person(a.admin(), "振込", "五郎", "フリコミ", "ゴロウ");
        var type = context.getBean(MembershipTypes.class).create(a.admin(), new MembershipTypeRequest("年会費", 2000L, "once", false, "person",
            null)).orThrow();
        context.getBean(Memberships.class).create(a.admin(), new MembershipRequest(payer.id().toString(), null, type.id().toString(), 1,
            "2031-09-01", null)).orThrow();
        UUID run = context.getBean(BillingRuns.class).run(a.admin(), "2031-09").orThrow().id();
        signInAdmin("charges-ui-a");
        UI.getCurrent().navigate(BillingRunsView.class);
        BillingRunsView view = _get(BillingRunsView.class);
        _selectRow(view.grid, _findAll(view.grid).stream().map(BillingRuns.RunView::id).toList().indexOf(run));
        assertThat(view.charges.transfer.isEnabled()).isFalse();
        _selectRow(view.charges.grid, 0);
        assertThat(view.charges.transfer.isEnabled()).isTrue();
        ConfirmDialog dialog = view.charges.confirmTransfer();
        assertThat(Confirmations.text(dialog)).contains("振込 五郎さんの2031年9月分の会費 2,000円", "入金済みにします");
        _fireCancel(dialog);
        assertThat(_findAll(view.charges.grid).get(0).status()).isEqualTo("pending");
        dialog = view.charges.confirmTransfer();
        NotificationsKt.clearNotifications();
        _fireConfirm(dialog);
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("入金を記録しました"));
        assertThat(_getFormatted(view.charges.grid, 0, "status")).isEqualTo("入金済");
        assertThat(view.charges.totals.getText()).contains("銀行振込・入金済 1件・2,000円");
    }

    @Test
    void cancelling_a_donation_confirms_asks_the_reason_and_lists_the_counter_entry() {
        PersonView donor = person(a.admin(), "取消", "三郎", "トリケシ", "サブロウ");
        DonationView d = donation(donor, 5000, "2025-04-01");
        signInAdmin("charges-ui-a");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView view = _get(DonationsView.class);
        select(view, d.id());
        assertThat(view.cancel.isEnabled()).isTrue();
        ConfirmDialog dialog = view.confirmCancel();
        assertThat(Confirmations.text(dialog)).contains("取消 三郎さんの2025年4月1日の寄付 5,000円", "-5,000円", "元の記録は消さずに残し",
            "元に戻すことはできません");
        _fireCancel(dialog);
        assertThat(context.getBean(Donations.class).get(a.admin(), d.id()).orThrow().state()).isEqualTo("active");

        NotificationsKt.clearNotifications();
        dialog = view.confirmCancel();
        _fireConfirm(dialog);
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("入力してください"));
        assertThat(context.getBean(Donations.class).get(a.admin(), d.id()).orThrow().state()).as("no reason, nothing done").isEqualTo("active");

        select(view, d.id());
        dialog = view.confirmCancel();
        view.reason.setValue("二重入力");
        _fireConfirm(dialog);
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("取り消しました"));
        List<DonationView> rows = _findAll(view.grid);
        int original = rows.stream().map(DonationView::id).toList().indexOf(d.id());
        assertThat(_getFormatted(view.grid, original, "amount")).isEqualTo("5,000円（取消済み）");
        int counter = rows.stream().map(DonationView::reversesId).toList().indexOf(d.id());
        assertThat(_getFormatted(view.grid, counter, "amount")).isEqualTo("-5,000円（取消の記録）");
        _selectRow(view.grid, original);
        assertThat(view.cancel.isEnabled()).as("cancelled once").isFalse();
        assertThat(view.correct.isEnabled()).isFalse();

        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        assertThat(view.cancel.getText()).isEqualTo("Cancel");
        assertThat(_getFormatted(view.grid, original, "amount")).endsWith(" (cancelled)");
        UI.getCurrent().setLocale(UiI18n.JAPANESE);
    }

    @Test
    void correcting_a_donation_shows_the_corrected_values_and_a_receipted_donation_is_refused_with_its_receipt_number() {
        PersonView donor = person(a.admin(), "訂正", "四郎", "テイセイ", "シロウ");
        DonationView d = donation(donor, 3000, "2025-05-01");
        DonationView receipted = donation(donor, 1000, "2025-06-01");
        var receipt = context.getBean(Receipts.class).issue(a.admin(), receipted.id()).orThrow();
        signInAdmin("charges-ui-a");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView view = _get(DonationsView.class);
        select(view, d.id());
        ConfirmDialog dialog = view.confirmCorrect();
        assertThat(Confirmations.text(dialog)).contains("訂正 四郎さんの2025年5月1日の寄付 3,000円", "取消の記録", "新しい記録");
        assertThat(view.correctedAmount.getValue()).isEqualTo(3000);
        view.correctedAmount.setValue(30000);
        view.reason.setValue("桁の入力誤り");
        NotificationsKt.clearNotifications();
        _fireConfirm(dialog);
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("訂正しました", "30,000円"));
        List<DonationView> rows = _findAll(view.grid);
        int corrected = rows.stream().map(DonationView::correctsId).toList().indexOf(d.id());
        assertThat(_getFormatted(view.grid, corrected, "amount")).isEqualTo("30,000円（訂正後）");
        assertThat(_getFormatted(view.grid, rows.stream().map(DonationView::id).toList().indexOf(d.id()), "amount")).isEqualTo("3,000円（訂正済み）");

        select(view, receipted.id());
        dialog = view.confirmCancel();
        view.reason.setValue("返金");
        _fireConfirm(dialog);
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains(receipt.receiptNumber(), "取り消しも訂正もできません"));
    }

    private void select(DonationsView view, UUID id) {
        int row = _findAll(view.grid).stream().map(DonationView::id).toList().indexOf(id);
        assertThat(row).isNotNegative();
        _selectRow(view.grid, row);
    }

    private static List<String> notifications() {
        List<String> texts = NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
        NotificationsKt.clearNotifications();
        return texts;
    }

    private PersonView person(Actor admin, String family, String given, String familyKana, String givenKana) {
        return context.getBean(People.class).create(admin, PersonRequest.basic(family, given, familyKana, givenKana, null, null, null, null,
            null, null, null, null, null)).orThrow();
    }

    private DonationView donation(PersonView donor, long amount, String on) {
        return context.getBean(Donations.class).create(a.admin(), new DonationRequest(donor.id().toString(), amount, on, "bank_transfer",
            "donation", null, null)).orThrow();
    }
}
