package org.tomoni.platform.ui.giving;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.BillingRuns.RunView;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.Payments.PaymentRequest;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.giving.PublicGiving.DonorRequest;
import org.tomoni.platform.giving.PublicGiving.SignupRequest;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.RecurringGifts.GiftRequest;
import org.tomoni.platform.giving.RecurringGifts.GiftView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.MonthPicker;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** The giving screens (plans, recurring gifts, billing runs), browserless, on PostgreSQL. */
@MicronautTest(transactional = false)
class GivingScreensIT extends ViewTest {
    TestTenant a;
    String nextMonth;

    @BeforeAll
    void tenantWithGiving() {
        a = tenants().create("giving-ui-a", "membership_organization");
        tenants().userToken(a, "giving-staff", Role.STAFF);
        nextMonth = MonthPicker.nextMonth(context.getBean(Clock.class));
    }

    @Test
    void a_plan_added_through_the_form_shows_in_the_grid_with_its_amount_and_interval_in_japanese() {
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView view = _get(GiftPlansView.class);
        view.form.name.setValue("子ども食堂サポーター");
        view.form.unitAmount.setValue(1500);
        view.form.interval.setValue("yearly");
        view.form.purpose.setValue("子ども食堂");
        _click(view.form.add);

        assertThat(view.form.name.isInvalid()).isFalse();
        assertThat(view.form.name.getValue()).as("the form is cleared for the next plan").isEmpty();
        int row = rowOf(_findAll(view.grid).stream().map(PlanView::name).toList(), "子ども食堂サポーター");
        assertThat(_getFormattedRow(view.grid, row)).containsExactly("子ども食堂サポーター", "1,500円", "毎年", "子ども食堂", "公開");
    }

    @Test
    void a_bad_plan_shows_japanese_errors_beside_its_fields_and_adds_nothing() {
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView view = _get(GiftPlansView.class);
        int before = _findAll(view.grid).size();
        _click(view.form.add);
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.form.unitAmount.isInvalid()).isTrue();
        assertThat(view.form.unitAmount.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.form.interval.isInvalid()).isFalse();

        view.form.name.setValue("重複するプラン");
        view.form.unitAmount.setValue(500);
        _click(view.form.add);
        assertThat(view.form.name.isInvalid()).isFalse();
        view.form.name.setValue("重複するプラン");
        view.form.unitAmount.setValue(700);
        _click(view.form.add);
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).isEqualTo("すでに使われています。");
        assertThat(view.form.unitAmount.isInvalid()).as("only the field at fault is marked").isFalse();
        assertThat(_findAll(view.grid)).hasSize(before + 1);
    }

    @Test
    void the_plan_form_only_announces_a_save_with_what_was_typed_as_typed() {
        signInAdmin("giving-ui-a");
        GiftPlanForm form = new GiftPlanForm();
        UI.getCurrent().add(form);
        List<PlanRequest> saved = new java.util.ArrayList<>();
        form.addSaveListener(e -> saved.add(e.value()));
        form.name.setValue("  全角　スペース付きプラン ");
        form.unitAmount.setValue(800);
        form.purpose.setValue(" 奨学金 ");
        _click(form.add);
        assertThat(saved).containsExactly(new PlanRequest("  全角　スペース付きプラン ", 800L, "monthly", " 奨学金 ", true));
        form.clear();
        assertThat(form.request()).as("cleared, the defaults again").isEqualTo(new PlanRequest("", null, "monthly", "", true));
    }

    @Test
    void a_gift_added_through_the_form_is_listed_as_active_with_its_monthly_amount() {
        PlanView plan = plan(a.admin(), "マンスリーサポーター", 1000, "monthly");
        PersonView donor = person(a.admin(), "寄付", "花子", "キフ", "ハナコ");
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView view = _get(RecurringGiftsView.class);
        assertThat(view.form.startMonth.getValue()).as("gifts start next month unless chosen otherwise").isEqualTo(nextMonth);

        _click(view.form.add);
        assertThat(view.form.donor.isInvalid()).isTrue();
        assertThat(view.form.donor.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.form.plan.getErrorMessage()).isEqualTo("入力してください。");

        view.form.donor.setValue(donor);
        view.form.plan.setValue(view.form.plan.getListDataView().getItems().filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow());
        view.form.units.setValue(2);
        assertThat(view.form.total.getText()).isEqualTo("合計：2,000円（毎月）");
        view.form.units.setValue(3);
        assertThat(view.form.total.getText()).as("the total follows the units").isEqualTo("合計：3,000円（毎月）");
        view.form.method.setValue("card");
        _click(view.form.add);

        assertThat(view.form.donor.isInvalid()).isFalse();
        List<GiftView> rows = _findAll(view.grid);
        int row = rowOf(rows.stream().map(GiftView::donorName).toList(), "寄付 花子");
        assertThat(_getFormatted(view.grid, row, "plan")).isEqualTo("マンスリーサポーター");
        assertThat(_getFormatted(view.grid, row, "units")).isEqualTo("3");
        assertThat(_getFormatted(view.grid, row, "amount")).isEqualTo("3,000円／月");
        assertThat(_getFormatted(view.grid, row, "paymentMethod")).isEqualTo("クレジットカード");
        assertThat(_getFormatted(view.grid, row, "startMonth")).isEqualTo(UiFormat.month(nextMonth, Locale.JAPANESE)).contains("年");
        assertThat(_getFormatted(view.grid, row, "status")).isEqualTo("有効");
        assertThat(rows.get(row).monthlyAmount()).isEqualTo(3000);
    }

    @Test
    void pausing_a_gift_shows_it_paused_and_its_history_gains_a_line() {
        PlanView plan = plan(a.admin(), "休止テスト", 500, "monthly");
        PersonView donor = person(a.admin(), "休止", "一郎", "キュウシ", "イチロウ");
        gift(a.admin(), donor, plan, 2);
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView view = _get(RecurringGiftsView.class);
        assertThat(view.detail.isVisible()).isFalse();
        int row = rowOf(_findAll(view.grid).stream().map(GiftView::donorName).toList(), "休止 一郎");
        _selectRow(view.grid, row);

        assertThat(view.detail.isVisible()).isTrue();
        assertThat(view.detailStatus.getText()).startsWith("状態：有効");
        assertThat(_findAll(view.history)).hasSize(1);
        assertThat(_getFormattedRow(view.history, 0).get(1)).isEqualTo("登録（休止テスト × 2）");
        assertThat(view.pause.isEnabled()).isTrue();
        assertThat(view.resume.isEnabled()).isFalse();

        _click(view.pause);
        assertThat(_getFormatted(view.grid, row, "status")).isEqualTo("休止中");
        assertThat(view.detailStatus.getText()).startsWith("状態：休止中");
        assertThat(_findAll(view.history)).hasSize(2);
        List<String> line = _getFormattedRow(view.history, 1);
        assertThat(line.get(0)).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(line.get(1)).isEqualTo("休止（有効 → 休止中）");
        assertThat(line.get(2)).as("the admin who paused it, by name").isEqualTo("管理者");
        assertThat(view.pause.isEnabled()).isFalse();
        assertThat(view.resume.isEnabled()).isTrue();

        view.status.setValue("paused");
        assertThat(_findAll(view.grid)).extracting(GiftView::donorName).containsExactly("休止 一郎");
        view.status.setValue("active");
        assertThat(_findAll(view.grid)).extracting(GiftView::donorName).doesNotContain("休止 一郎");
    }

    @Test
    void cancelling_a_gift_asks_for_confirmation_and_only_then_cancels_it() {
        PlanView plan = plan(a.admin(), "解約テスト", 300, "monthly");
        PersonView donor = person(a.admin(), "解約", "次郎", "カイヤク", "ジロウ");
        GiftView gift = gift(a.admin(), donor, plan, 1);
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView view = _get(RecurringGiftsView.class);
        view.open(gift.id());

        _click(view.cancel);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        _fireCancel(dialog);
        assertThat(context.getBean(RecurringGifts.class).get(a.admin(), gift.id()).orThrow().status()).isEqualTo("active");
        assertThat(view.detailStatus.getText()).startsWith("状態：有効");

        _click(view.cancel);
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(view.detailStatus.getText()).startsWith("状態：解約");
        assertThat(_getFormattedRow(view.history, _findAll(view.history).size() - 1).get(1)).isEqualTo("解約（有効 → 解約）");
        assertThat(view.cancel.isEnabled()).isFalse();
        view.status.setValue("cancelled");
        int row = rowOf(_findAll(view.grid).stream().map(GiftView::donorName).toList(), "解約 次郎");
        assertThat(_getFormatted(view.grid, row, "status")).isEqualTo("解約");
    }

    @Test
    void the_gift_list_says_so_when_no_gift_has_the_chosen_status() {
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView view = _get(RecurringGiftsView.class);
        view.status.setValue("error");
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("該当する継続寄付はありません。状態の絞り込みを変えてください。");
        assertThat(view.status.getItemLabelGenerator().apply("error")).isEqualTo("エラー");
    }

    @Test
    void a_billing_run_creates_the_charge_and_a_second_run_says_the_period_is_already_billed() {
        TestTenant runs = tenants().create("giving-ui-runs", "membership_organization");
        PlanView plan = plan(runs.admin(), "請求テスト", 1000, "monthly");
        gift(runs.admin(), person(runs.admin(), "請求", "三郎", "セイキュウ", "サブロウ"), plan, 3);
        signInAdmin("giving-ui-runs");
        UI.getCurrent().navigate(BillingRunsView.class);
        BillingRunsView view = _get(BillingRunsView.class);
        assertThat(view.period.getValue()).isEqualTo(nextMonth);
        assertThat(_findAll(view.grid)).isEmpty();
        String month = UiFormat.month(nextMonth, Locale.JAPANESE);

        NotificationsKt.clearNotifications();
        _click(view.run);
        assertThat(notifications()).containsExactly(month + "分の請求を1件作成しました（合計3,000円）。");
        List<RunView> listed = _findAll(view.grid);
        assertThat(listed).hasSize(1);
        assertThat(_getFormatted(view.grid, 0, "period")).isEqualTo(month);
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("完了");
        assertThat(_getFormatted(view.grid, 0, "created")).isEqualTo("1件・3,000円");

        _click(view.run);
        assertThat(notifications()).containsExactly(month + "分はすでに請求済みです（1件・合計3,000円）。新しい請求は作成していません。");
        assertThat(_findAll(view.grid)).hasSize(2);
        assertThat(_getFormatted(view.grid, 0, "created")).isEqualTo("0件・0円");
        assertThat(_getFormatted(view.grid, 0, "inPeriod")).isEqualTo("1件・3,000円");

        _fireCustomValueSet(view.period, "2026-13");
        _click(view.run);
        assertThat(view.period.isInvalid()).isTrue();
        assertThat(view.period.getErrorMessage()).as("a hint a person can follow, not a format code")
            .isEqualTo("月は「2027-01」（2027年1月）のように、年4桁と月2桁をハイフンでつないで入力してください。");
        assertThat(view.period.getHelperText()).isEqualTo("一覧から選ぶか、「2027-01」のように年と月を入力（2027年1月）").doesNotContain("YYYY");
        assertThat(view.period.getItemLabelGenerator().apply("2027-01")).isEqualTo("2027年1月");
        UI.getCurrent().setLocale(org.tomoni.platform.ui.shell.UiI18n.ENGLISH);
        try {
            assertThat(view.period.getHelperText()).isEqualTo("Choose from the list, or type the year and month as 2027-01 (January 2027)");
        } finally {
            UI.getCurrent().setLocale(org.tomoni.platform.ui.shell.UiI18n.JAPANESE);
        }
        assertThat(_findAll(view.grid)).hasSize(2);
    }

    @Test
    void staff_see_the_plans_and_runs_but_not_the_add_plan_form_or_the_run_button() {
        signIn("giving-ui-a", "giving-staff", TestTenants.PASSWORD);
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView plans = _get(GiftPlansView.class);
        assertThat(plans.form.isVisible()).isFalse();
        assertThat(plans.grid.isVisible()).isTrue();
        UI.getCurrent().navigate(BillingRunsView.class);
        BillingRunsView runs = _get(BillingRunsView.class);
        assertThat(runs.run.isVisible()).isFalse();
        assertThat(runs.grid.isVisible()).isTrue();
        UI.getCurrent().navigate(RecurringGiftsView.class);
        assertThat(_get(RecurringGiftsView.class).form.isVisible()).as("staff enter gifts").isTrue();

        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        assertThat(_get(GiftPlansView.class).form.isVisible()).isTrue();
        UI.getCurrent().navigate(BillingRunsView.class);
        assertThat(_get(BillingRunsView.class).run.isVisible()).isTrue();
    }

    @Test
    void the_menu_has_a_giving_section_only_where_the_tenant_has_giving() {
        signInAdmin("giving-ui-a");
        SideNavItem giving = _get(MainLayout.class).nav.getItems().stream().filter(i -> "寄付".equals(i.getLabel())).findFirst().orElseThrow();
        assertThat(giving.getItems()).extracting(SideNavItem::getLabel).containsExactly("寄付プラン", "継続寄付", "請求処理", "寄付・会費の受領",
            "領収書", "口座振替", "寄付の設定");
        assertThat(giving.getItems()).extracting(SideNavItem::getPath).containsExactly("giving/plans", "giving/gifts", "giving/runs",
            "giving/donations", "giving/receipts", "giving/batches", "giving/settings");

        tenants().createWithout("giving-ui-none", "hub_network", org.tomoni.platform.tenancy.Module.GIVING);
        signInAdmin("giving-ui-none");
        assertThat(_get(MainLayout.class).nav.getItems()).extracting(SideNavItem::getLabel).doesNotContain("寄付").contains("会員（個人）");
        UI.getCurrent().navigate(GiftPlansView.class);
        _get(NotFoundView.class);
        UI.getCurrent().navigate(BillingRunsView.class);
        _get(NotFoundView.class);
    }

    @Test
    void the_giving_screens_speak_english_when_english_is_chosen() {
        plan(a.admin(), "English check", 100, "once");
        signInAdmin("giving-ui-a");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView view = _get(GiftPlansView.class);
        assertThat(view.form.add.getText()).isEqualTo("Add plan");
        int row = rowOf(_findAll(view.grid).stream().map(PlanView::name).toList(), "English check");
        assertThat(_getFormattedRow(view.grid, row)).containsExactly("English check", "¥100", "Once", "", "Published");
        UI.getCurrent().navigate(BillingRunsView.class);
        assertThat(_get(BillingRunsView.class).run.getText()).isEqualTo("Run");
    }

    @Test
    void the_history_is_rendered_from_its_structure_in_japanese_and_in_english() throws Exception {
        PlanView plan = plan(a.admin(), "履歴表示", 300, "monthly");
        PersonView donor = person(a.admin(), "履歴", "花子", "リレキ", "ハナコ");
        GiftView gift = gift(a.admin(), donor, plan, 2);
        RecurringGifts gifts = context.getBean(RecurringGifts.class);
        gifts.changeUnits(a.admin(), gift.id(), 3).orThrow();
        gifts.change(a.admin(), gift.id(), "pause").orThrow();
        // A failed debit as the result import writes it: the bank's code and whether the next run retries, no text.
        try (var c = ownerConnection(a.id()); var st = c.createStatement()) {
            st.execute("insert into recurring_gift_events (tenant_id, id, gift_id, occurred_at, kind, after, actor, created_at, created_by,"
                + " updated_at, updated_by) values ('" + a.id() + "', gen_random_uuid(), '" + gift.id() + "', now() + interval '1 minute',"
                + " 'debit_failed', '{\"status\": \"error\", \"resultCode\": 1, \"retry\": true}', 'job:billing', now(), 'job:billing', now(),"
                + " 'job:billing')");
        }
        signInAdmin("giving-ui-a");
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView view = _get(RecurringGiftsView.class);
        view.open(gift.id());
        assertThat(_findAll(view.history)).hasSize(4);
        assertThat(List.of(0, 1, 2, 3)).extracting(i -> _getFormattedRow(view.history, i).get(1))
            .containsExactly("登録（履歴表示 × 2）", "口数変更（2 → 3）", "休止（有効 → 休止中）", "引き落とし不能（資金不足・翌月に再請求）");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView english = _get(RecurringGiftsView.class);
        english.open(gift.id());
        assertThat(List.of(0, 1, 2, 3)).extracting(i -> _getFormattedRow(english.history, i).get(1))
            .containsExactly("Created (履歴表示 × 2)", "Units changed (2 → 3)", "Paused (Active → Paused)",
                "Debit failed (Insufficient funds; charged again next month)");
    }

    @Test
    void the_history_names_a_colleague_by_name_and_the_public_form_by_what_it_is_for_staff_who_cannot_manage_users() {
        PlanView plan = plan(a.admin(), "担当表示", 700, "monthly");
        var signup = context.getBean(PublicGiving.class).signUp(a.slug(), UUID.randomUUID().toString(), new SignupRequest(plan.id().toString(), 1,
            new DonorRequest("公開", "太郎", "コウカイ", "タロウ", "koukai-taro@example.jp", null, null, null, null, null, null),
            new PaymentRequest("direct_debit", "0005", "001", 1, "1112223", "ｺｳｶｲ ﾀﾛｳ", null))).orThrow();
        // As a signed-in admin acts: the principal is the user's id (the fixture's admin() is named "admin").
        Actor signedIn = new Actor(a.admin().userId(), a.admin().userId().toString(), a.id(), a.slug(), java.util.Set.of(Role.TENANT_ADMIN), null);
        context.getBean(RecurringGifts.class).change(signedIn, signup.id(), "pause").orThrow();

        signIn("giving-ui-a", "giving-staff", TestTenants.PASSWORD);
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView view = _get(RecurringGiftsView.class);
        view.open(signup.id());
        assertThat(_findAll(view.history)).hasSize(2);
        assertThat(_getFormattedRow(view.history, 0).get(2)).as("the public sign-up form, not public-signup").isEqualTo("寄付者（公開ページから）");
        assertThat(_getFormattedRow(view.history, 1).get(2)).as("the admin by name, not a user id").isEqualTo("管理者");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView english = _get(RecurringGiftsView.class);
        english.open(signup.id());
        assertThat(_getFormattedRow(english.history, 0).get(2)).isEqualTo("Donor (public page)");
    }

    private static int rowOf(List<String> names, String name) {
        int row = names.indexOf(name);
        assertThat(row).as("%s is listed in %s", name, names).isNotNegative();
        return row;
    }

    private static List<String> notifications() {
        List<String> texts = NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
        NotificationsKt.clearNotifications();
        return texts;
    }

    private PlanView plan(Actor admin, String name, long unitAmount, String interval) {
        return context.getBean(GiftPlans.class).create(admin, new PlanRequest(name, unitAmount, interval, null, true)).orThrow();
    }

    private PersonView person(Actor admin, String family, String given, String familyKana, String givenKana) {
        return context.getBean(People.class).create(admin, PersonRequest.basic(family, given, familyKana, givenKana, null, null, null, null,
            null, null, null, null, null)).orThrow();
    }

    private GiftView gift(Actor admin, PersonView donor, PlanView plan, int units) {
        return context.getBean(RecurringGifts.class).create(admin, new GiftRequest(donor.id().toString(), plan.id().toString(), units,
            "direct_debit", nextMonth)).orThrow();
    }
}
