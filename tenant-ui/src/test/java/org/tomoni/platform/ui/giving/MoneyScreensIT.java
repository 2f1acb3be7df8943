package org.tomoni.platform.ui.giving;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.DebitBatches;
import org.tomoni.platform.giving.DebitBatches.BatchView;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationRequest;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.giving.GivingSettings.SettingsRequest;
import org.tomoni.platform.giving.Payments.PaymentRequest;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.giving.PublicGiving.DonorRequest;
import org.tomoni.platform.giving.PublicGiving.SignupRequest;
import org.tomoni.platform.giving.Receipts;
import org.tomoni.platform.giving.Receipts.ReceiptView;
import org.tomoni.platform.giving.ZenginDebitFile;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.MonthPicker;
import org.tomoni.platform.ui.components.UiFormat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** The money screens (donations, receipts, direct-debit batches, giving settings), browserless, on PostgreSQL. */
@MicronautTest(transactional = false)
class MoneyScreensIT extends ViewTest {
    private static final Charset JIS = Charset.forName("windows-31j");
    TestTenant a;
    LocalDate today;

    @BeforeAll
    void tenantWithGiving() {
        a = tenants().create("money-ui-a", "membership_organization");
        tenants().userToken(a, "money-reader", Role.READ_ONLY);
        today = LocalDate.now(context.getBean(Clock.class).withZone(UiFormat.TOKYO));
    }

    @Test
    void a_one_off_donation_added_through_the_form_is_listed_with_its_kind_amount_method_and_receipt_status() {
        PersonView donor = person(a.admin(), "受領", "一子", "ジュリョウ", "イチコ");
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView view = _get(DonationsView.class);
        assertThat(view.form.receivedOn.getValue()).as("the date defaults to today").isEqualTo(today);

        _click(view.form.add);
        assertThat(view.form.donor.isInvalid()).isTrue();
        assertThat(view.form.donor.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.form.amount.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.form.method.isInvalid()).isFalse();

        view.form.donor.setValue(org.tomoni.platform.ui.components.Pickers.Party.of(donor));
        view.form.amount.setValue(12000);
        view.form.method.setValue("cash");
        view.form.purpose.setValue("災害支援");
        _click(view.form.add);

        assertThat(view.form.donor.isInvalid()).isFalse();
        assertThat(view.form.donor.getValue()).as("the form is cleared for the next donation").isNull();
        int row = rowOf(_findAll(view.grid).stream().map(DonationView::donorName).toList(), "受領 一子");
        assertThat(_getFormattedRow(view.grid, row)).containsExactly(UiFormat.date(today, Locale.JAPANESE), "受領 一子", "寄付", "12,000円",
            "現金", "災害支援", "未発行");
        assertThat(UiFormat.date(LocalDate.of(2026, 11, 23), Locale.JAPANESE)).isEqualTo("2026年11月23日");

        view.kindFilter.setValue("fee");
        assertThat(_findAll(view.grid)).extracting(DonationView::donorName).doesNotContain("受領 一子");
        view.kindFilter.setValue("donation");
        view.yearFilter.setValue(today.getYear() - 1);
        assertThat(_findAll(view.grid)).extracting(DonationView::donorName).doesNotContain("受領 一子");
        view.yearFilter.setValue(today.getYear());
        assertThat(_findAll(view.grid)).extracting(DonationView::donorName).contains("受領 一子");
    }

    @Test
    void issuing_a_donations_receipt_marks_it_issued_and_the_receipt_is_listed_with_a_pdf_link() {
        PersonView donor = person(a.admin(), "発行", "二郎", "ハッコウ", "ジロウ");
        DonationView donation = donation(a.admin(), donor, 5000, today.toString(), "donation");
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView view = _get(DonationsView.class);
        int row = rowOf(_findAll(view.grid).stream().map(DonationView::id).map(UUID::toString).toList(), donation.id().toString());
        assertThat(view.issue.isEnabled()).isFalse();
        _selectRow(view.grid, row);
        assertThat(view.issue.isEnabled()).isTrue();
        _click(view.issue);
        _fireConfirm(_get(ConfirmDialog.class));

        assertThat(_getFormatted(view.grid, row, "receipt")).isEqualTo("発行済");
        assertThat(view.issue.isEnabled()).as("a receipt is issued once").isFalse();
        UUID receiptId = context.getBean(Donations.class).get(a.admin(), donation.id()).orThrow().receiptId();
        assertThat(receiptId).isNotNull();

        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView receipts = _get(ReceiptsView.class);
        int r = rowOf(_findAll(receipts.grid).stream().map(ReceiptView::id).map(UUID::toString).toList(), receiptId.toString());
        ReceiptView listed = _findAll(receipts.grid).get(r);
        assertThat(_getFormatted(receipts.grid, r, "receiptNumber")).isEqualTo(listed.receiptNumber()).matches("\\d{4}-\\d{6}");
        assertThat(_getFormatted(receipts.grid, r, "issuedOn")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat(_getFormatted(receipts.grid, r, "donor")).isEqualTo("発行 二郎");
        assertThat(_getFormatted(receipts.grid, r, "kind")).isEqualTo("個別");
        assertThat(_getFormatted(receipts.grid, r, "year")).isEqualTo(today.getYear() + "年");
        assertThat(_getFormatted(receipts.grid, r, "total")).isEqualTo("5,000円");
        assertThat(_getFormatted(receipts.grid, r, "status")).isEqualTo("有効");
        byte[] pdf = downloadFromCell(receipts, r, "pdf");
        assertThat(new String(Arrays.copyOf(pdf, 4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    @Test
    void reissuing_a_receipt_asks_first_then_voids_the_old_one_and_lists_the_new_one() {
        PersonView donor = person(a.admin(), "再発", "三子", "サイハツ", "ミツコ");
        DonationView donation = donation(a.admin(), donor, 8000, today.toString(), "donation");
        ReceiptView old = context.getBean(Receipts.class).issue(a.admin(), donation.id()).orThrow();
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView view = _get(ReceiptsView.class);

        view.confirmReissue(old);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        _fireCancel(dialog);
        assertThat(context.getBean(Receipts.class).get(a.admin(), old.id()).orThrow().status()).isEqualTo("issued");

        view.confirmReissue(old);
        _fireConfirm(_get(ConfirmDialog.class));
        ReceiptView voided = context.getBean(Receipts.class).get(a.admin(), old.id()).orThrow();
        assertThat(voided.status()).isEqualTo("void");
        List<ReceiptView> rows = _findAll(view.grid);
        int oldRow = rowOf(rows.stream().map(ReceiptView::id).map(UUID::toString).toList(), old.id().toString());
        assertThat(_getFormatted(view.grid, oldRow, "status")).isEqualTo("無効（再発行済）");
        int newRow = rowOf(rows.stream().map(ReceiptView::id).map(UUID::toString).toList(), voided.replacedById().toString());
        assertThat(_getFormatted(view.grid, newRow, "status")).isEqualTo("有効");
        assertThat(_getFormatted(view.grid, newRow, "receiptNumber")).isNotEqualTo(old.receiptNumber());
        assertThat(_getFormatted(view.grid, newRow, "total")).isEqualTo("8,000円");
        assertThat(_getCellComponent(view.grid, oldRow, "actions").isVisible()).as("a void receipt is not reissued").isFalse();
        assertThat(_getCellComponent(view.grid, newRow, "actions").isVisible()).isTrue();
    }

    @Test
    void an_annual_receipt_sums_the_donors_donations_of_the_year_and_leaves_out_fees_and_other_years() {
        int lastYear = today.getYear() - 1;
        PersonView donor = person(a.admin(), "年間", "四郎", "ネンカン", "シロウ");
        donation(a.admin(), donor, 3000, lastYear + "-02-10", "donation");
        donation(a.admin(), donor, 7000, lastYear + "-11-30", "donation");
        donation(a.admin(), donor, 1000, lastYear + "-05-01", "fee");
        donation(a.admin(), donor, 9000, (lastYear - 1) + "-12-31", "donation");
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView view = _get(ReceiptsView.class);
        assertThat(view.annualYear.getValue()).as("the annual receipt is for last year unless chosen otherwise").isEqualTo(lastYear);

        _click(view.annualIssue);
        assertThat(view.annualDonor.isInvalid()).isTrue();
        assertThat(view.annualDonor.getErrorMessage()).isEqualTo("入力してください。");

        view.annualDonor.setValue(donor);
        _click(view.annualIssue);
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(view.annualDonor.isInvalid()).isFalse();
        List<ReceiptView> rows = _findAll(view.grid);
        int row = rowOf(rows.stream().map(ReceiptView::personId).map(UUID::toString).toList(), donor.id().toString());
        assertThat(_getFormatted(view.grid, row, "kind")).isEqualTo("年間");
        assertThat(_getFormatted(view.grid, row, "year")).isEqualTo(lastYear + "年");
        assertThat(_getFormatted(view.grid, row, "total")).isEqualTo("10,000円");
        assertThat(rows.get(row).donationIds()).hasSize(2);

        view.annualDonor.setValue(donor);
        _click(view.annualIssue);
        assertThat(view.annualYear.isInvalid()).as("nothing is left to receipt for that year").isTrue();
        assertThat(view.annualYear.getErrorMessage()).isEqualTo("対象となる受領済みのご寄付がありません。");

        view.annualYear.setValue(today.getYear());
        _click(view.annualIssue);
        assertThat(view.annualYear.isInvalid()).as("this year is not over").isTrue();
        assertThat(view.annualYear.getErrorMessage()).isEqualTo(today.getYear() + "年はまだ終わっていません。" + today.getYear()
            + "年分の年間の領収書は、年が明けた" + (today.getYear() + 1) + "年1月1日から発行できます。");
    }

    @Test
    void issuing_a_receipt_asks_first_naming_donor_year_and_amount_and_that_the_number_is_final_and_cancel_issues_nothing() {
        PersonView donor = person(a.admin(), "確認", "五郎", "カクニン", "ゴロウ");
        DonationView donation = donation(a.admin(), donor, 6000, today.toString(), "donation");
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView view = _get(DonationsView.class);
        int row = rowOf(_findAll(view.grid).stream().map(DonationView::id).map(UUID::toString).toList(), donation.id().toString());
        _selectRow(view.grid, row);

        ConfirmDialog dialog = view.confirmIssueReceipt();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(Confirmations.text(dialog)).contains("確認 五郎", today.getYear() + "年", "6,000円", "領収書番号が確定");
        _fireCancel(dialog);
        assertThat(context.getBean(Donations.class).get(a.admin(), donation.id()).orThrow().receiptId()).as("cancel issues nothing").isNull();
        assertThat(_getFormatted(view.grid, row, "receipt")).isEqualTo("未発行");

        NotificationsKt.clearNotifications();
        _fireConfirm(view.confirmIssueReceipt());
        assertThat(context.getBean(Donations.class).get(a.admin(), donation.id()).orThrow().receiptId()).isNotNull();

        int lastYear = today.getYear() - 1;
        donation(a.admin(), donor, 2500, lastYear + "-03-03", "donation");
        donation(a.admin(), donor, 1500, lastYear + "-09-09", "donation");
        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView receipts = _get(ReceiptsView.class);
        receipts.annualDonor.setValue(donor);
        receipts.annualYear.setValue(lastYear);
        ConfirmDialog annual = receipts.confirmAnnual();
        assertThat(Confirmations.text(annual)).contains("確認 五郎", lastYear + "年", "2件", "4,000円", "領収書番号が確定");
        _fireCancel(annual);
        assertThat(context.getBean(Receipts.class).list(a.admin(), donor.id(), lastYear, org.tomoni.platform.shared.PageRequest.of(0, 10))
            .orThrow().items()).as("cancel issues no annual receipt").isEmpty();

        _fireConfirm(receipts.confirmAnnual());
        assertThat(context.getBean(Receipts.class).list(a.admin(), donor.id(), lastYear, org.tomoni.platform.shared.PageRequest.of(0, 10))
            .orThrow().items()).extracting(ReceiptView::total).containsExactly(4000L);
        List<com.vaadin.flow.component.notification.Notification> shown = NotificationsKt.getNotifications().stream()
            .filter(com.vaadin.flow.component.notification.Notification::isOpened).toList();
        assertThat(shown).as("the annual receipt's message replaced the single one's").hasSize(1);
        assertThat(shown.get(0).getElement().getProperty("text")).startsWith("年間領収書").contains("4,000円");

        receipts.annualDonor.setValue(donor);
        assertThat(receipts.confirmAnnual()).as("nothing left to receipt: refused beside the year, no dialog").isNull();
        assertThat(receipts.annualYear.isInvalid()).isTrue();
    }

    @Test
    void the_donor_list_downloads_as_csv_in_the_chosen_encoding() {
        PersonView donor = person(a.admin(), "名簿", "五郎", "メイボ", "ゴロウ");
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView view = _get(ReceiptsView.class);
        int fiscal = view.fiscalYear.getValue();
        donation(a.admin(), donor, 4000, fiscal + "-06-01", "donation");
        byte[] utf8 = _download(view.donorList);
        assertThat(Arrays.copyOf(utf8, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).contains("寄附金額合計", "名簿 五郎", "4000");
        view.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.WINDOWS_31J);
        assertThat(new String(_download(view.donorList), JIS)).contains("名簿 五郎");
    }

    @Test
    void a_donor_list_windows_31j_cannot_hold_is_refused_beside_the_link_naming_the_row_and_column() {
        PersonView donor = person(a.admin(), "𠮷田", "六郎", "ヨシダ", "ロクロウ");
        signInAdmin("money-ui-a");
        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView view = _get(ReceiptsView.class);
        int fiscal = view.fiscalYear.getValue();
        donation(a.admin(), donor, 3000, fiscal + "-07-01", "donation");
        view.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.UTF_8_BOM);
        assertThat(new String(_download(view.donorList), StandardCharsets.UTF_8)).contains("𠮷田 六郎");
        view.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.WINDOWS_31J);
        assertThat(view.donorList.isEnabled()).isFalse();
        assertThat(view.donorListProblem.isVisible()).isTrue();
        assertThat(view.donorListProblem.getText()).contains("UTF-8（BOM付き）").contains("行目");
        view.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.UTF_8_BOM);
        assertThat(view.donorList.isEnabled()).isTrue();
        assertThat(view.donorListProblem.isVisible()).isFalse();
    }

    @Test
    void saving_the_settings_works_and_a_bad_consignor_code_shows_the_japanese_error() {
        TestTenant t = tenants().create("money-ui-settings", "membership_organization");
        signInAdmin("money-ui-settings");
        UI.getCurrent().navigate(GivingSettingsView.class);
        GivingSettingsView view = _get(GivingSettingsView.class);
        assertThat(view.form.debitDay.getValue()).isEqualTo(27);
        assertThat(view.form.save.isVisible()).isTrue();

        fillDebitSettings(view);
        view.form.consignorCode.setValue("12345");
        _click(view.form.save);
        assertThat(view.form.consignorCode.isInvalid()).isTrue();
        assertThat(view.form.consignorCode.getErrorMessage()).isEqualTo("10桁の数字で入力してください。");
        assertThat(view.form.bankCode.isInvalid()).as("only the field at fault is marked").isFalse();
        assertThat(context.getBean(GivingSettings.class).get(t.admin()).orThrow().version()).as("nothing was saved").isZero();

        view.form.consignorCode.setValue("1234567890");
        NotificationsKt.clearNotifications();
        _click(view.form.save);
        assertThat(view.form.consignorCode.isInvalid()).isFalse();
        assertThat(notifications()).containsExactly("寄付の設定を保存しました。");
        GivingSettings.SettingsView saved = context.getBean(GivingSettings.class).get(t.admin()).orThrow();
        assertThat(saved.consignorCode()).isEqualTo("1234567890");
        assertThat(saved.debitReady()).isTrue();
        assertThat(saved.debitDay()).isEqualTo(26);
        assertThat(view.form.consignorKana.getValue()).as("the form shows what was saved").isEqualTo(saved.consignorKana());

        context.getBean(GivingSettings.class).update(t.admin(), saved.version(), new SettingsRequest("別の住所", null, null, "1234567890",
            "ﾄﾓﾆ", "0001", "001", 1, "7654321", 27, 5, null)).orThrow();
        view.form.organizationAddress.setValue("東京都千代田区千代田1-1");
        _click(view.form.save);
        assertThat(notifications()).containsExactly("他の人が先に更新しました。最新の内容を読み込んでからやり直してください。");
        assertThat(context.getBean(GivingSettings.class).get(t.admin()).orThrow().organizationAddress()).isEqualTo("別の住所");
    }

    @Test
    void read_only_users_see_the_settings_read_only_and_no_money_forms() {
        signIn("money-ui-a", "money-reader", TestTenants.PASSWORD);
        UI.getCurrent().navigate(GivingSettingsView.class);
        GivingSettingsView settings = _get(GivingSettingsView.class);
        assertThat(settings.form.save.isVisible()).isFalse();
        assertThat(settings.form.consignorCode.isReadOnly()).isTrue();
        assertThat(settings.readOnlyNote.isVisible()).isTrue();
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView donations = _get(DonationsView.class);
        assertThat(donations.form.isVisible()).isFalse();
        assertThat(donations.issue.isVisible()).isFalse();
        UI.getCurrent().navigate(ReceiptsView.class);
        assertThat(_get(ReceiptsView.class).annualForm.getParent().orElseThrow().isVisible()).as("no annual receipts").isFalse();
        assertThat(_get(ReceiptsView.class).grid.getColumnByKey("pdf").isVisible()).as("the PDFs can be read").isTrue();
        UI.getCurrent().navigate(DebitBatchesView.class);
        assertThat(_get(DebitBatchesView.class).settingsMissing.isVisible()).isFalse();
    }

    @Test
    void a_billing_run_of_a_signed_up_direct_debit_gift_makes_a_batch_that_offers_its_request_file_once_settings_are_saved() {
        TestTenant t = tenants().create("money-ui-debit", "membership_organization");
        signUpForDebit(t, "ヤマダ", "0000001");
        String next = MonthPicker.nextMonth(context.getBean(Clock.class));
        context.getBean(BillingRuns.class).run(t.admin(), next).orThrow();

        signInAdmin("money-ui-debit");
        UI.getCurrent().navigate(DebitBatchesView.class);
        DebitBatchesView view = _get(DebitBatchesView.class);
        assertThat(view.settingsMissing.isVisible()).as("no consignor code yet").isTrue();
        assertThat(view.settingsLink.getHref()).isEqualTo("giving/settings");
        List<BatchView> batches = _findAll(view.grid);
        assertThat(batches).hasSize(1);
        assertThat(_getFormatted(view.grid, 0, "period")).isEqualTo(UiFormat.month(next, Locale.JAPANESE));
        assertThat(_getFormatted(view.grid, 0, "debitDate")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat(_getFormatted(view.grid, 0, "count")).isEqualTo("1件");
        assertThat(_getFormatted(view.grid, 0, "total")).isEqualTo("3,000円");
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("作成済");
        assertThat(_getFormatted(view.grid, 0, "debited")).isEmpty();
        _selectRow(view.grid, 0);
        assertThat(view.detail.isVisible()).isTrue();
        assertThat(view.download.isVisible()).as("no request file without the settings").isFalse();

        saveDebitSettings(t);
        UI.getCurrent().navigate(BillingRunsView.class);
        UI.getCurrent().navigate(DebitBatchesView.class);
        view = _get(DebitBatchesView.class);
        assertThat(view.settingsMissing.isVisible()).isFalse();
        _selectRow(view.grid, 0);
        assertThat(view.download.isVisible()).isTrue();
        assertThat(view.download.getText()).isEqualTo("依頼ファイルをダウンロード");
        assertThat(view.download.getHref()).as("the link serves a file").isNotBlank();
    }

    @Test
    void the_request_file_downloads_in_zengin_layout_with_the_batchs_debit() {
        TestTenant t = tenants().create("money-ui-request", "membership_organization");
        saveDebitSettings(t);
        signUpForDebit(t, "サトウ", "0000003");
        context.getBean(BillingRuns.class).run(t.admin(), MonthPicker.nextMonth(context.getBean(Clock.class))).orThrow();
        signInAdmin("money-ui-request");
        UI.getCurrent().navigate(DebitBatchesView.class);
        DebitBatchesView view = _get(DebitBatchesView.class);
        _selectRow(view.grid, 0);
        byte[] request = _download(view.download);
        assertThat(request).hasSize(4 * 122);
        assertThat(new String(request, 0, 14, JIS)).isEqualTo("19101234567890");
    }

    @Test
    void a_malformed_result_file_is_refused_naming_record_and_field_and_a_good_one_reconciles_the_batch() {
        TestTenant t = tenants().create("money-ui-result", "membership_organization");
        saveDebitSettings(t);
        long giftNumber = signUpForDebit(t, "スズキ", "0000002");
        context.getBean(BillingRuns.class).run(t.admin(), MonthPicker.nextMonth(context.getBean(Clock.class))).orThrow();
        signInAdmin("money-ui-result");
        UI.getCurrent().navigate(DebitBatchesView.class);
        DebitBatchesView view = _get(DebitBatchesView.class);
        _selectRow(view.grid, 0);
        BatchView batch = _findAll(view.grid).get(0);
        UUID batchId = batch.id();
        // The bank answers in the request's layout: built here from the batch's one debit, every result code 0 (振替済).
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        ZenginDebitFile.write(answer, new ZenginDebitFile.Consignor("1234567890", "ﾄﾓﾆ", "0001", "001", 1, "7654321"),
            LocalDate.parse(batch.debitDate()), List.of(new ZenginDebitFile.Debit("0005", "001", 1, "0000002", "ﾌﾘｶｴ ﾊﾅｺ", 3000, '1',
                String.format("%020d", giftNumber))).iterator());
        String[] records = answer.toString(JIS).split("\r\n");
        assertThat(records).hasSize(4);

        // Before the debit date the bank has debited nothing: the screen says so and names the date.
        String trailer = "8" + "000001" + "000000003000" + "000001" + "000000003000" + "000000" + "000000000000" + " ".repeat(65);
        LocalDate debitDate = LocalDate.parse(batch.debitDate());
        _upload(view.upload, "result.txt", "text/plain", file(records[0], records[1], trailer, records[3]));
        assertThat(view.result.getText()).isEqualTo("この口座振替の引落日（" + debitDate.getYear() + "年" + debitDate.getMonthValue() + "月"
            + debitDate.getDayOfMonth() + "日）はまだ来ていません。振替結果は、引落日以降に金融機関から届いたファイルを取り込んでください。");
        assertThat(view.result.getElement().getAttribute("data-state")).isEqualTo("refused");
        assertThat(context.getBean(DebitBatches.class).get(t.admin(), batchId).orThrow().status()).isEqualTo("created");
        debitDateIsToday(t, batchId);

        String badData = records[1].substring(0, 111) + "X" + records[1].substring(112);
        NotificationsKt.clearNotifications();
        _upload(view.upload, "result.txt", "text/plain", file(records[0], badData, records[2], records[3]));
        assertThat(view.result.getText()).isEqualTo("結果ファイルに誤りがあるため取り込んでいません（照合は行っていません）："
            + "レコード 2 の「振替結果コード」を確認してください。");
        assertThat(view.resultDetail.getText()).as("the detail in Japanese, naming record and reason")
            .isEqualTo("詳細：レコード 2：振替結果コード「X」は使えません（0・1・2・3・4・8・9のいずれかです）。");
        assertThat(view.result.getElement().getAttribute("data-state")).as("a refused file is marked failed").isEqualTo("refused");
        assertThat(view.resultMark.isVisible()).isTrue();
        assertThat(view.resultMark.getElement().getAttribute("icon")).isEqualTo("vaadin:close-circle");
        assertThat(notifications()).hasSize(1);
        assertThat(context.getBean(DebitBatches.class).get(t.admin(), batchId).orThrow().status()).isEqualTo("created");
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("作成済");

        _upload(view.upload, "result.txt", "text/plain", file(records[0], records[1], trailer, records[3]));
        assertThat(view.result.getText()).isEqualTo("照合しました。振替済 1件・3,000円、振替不能 0件・0円。");
        assertThat(view.resultMark.getElement().getAttribute("icon")).isEqualTo("vaadin:check-circle");
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("照合済");
        assertThat(_getFormatted(view.grid, 0, "debited")).isEqualTo("1件・3,000円");
        assertThat(_getFormatted(view.grid, 0, "failed")).isEqualTo("0件・0円");
        assertThat(_findAll(view.codes)).hasSize(1);
        assertThat(_getFormattedRow(view.codes, 0)).containsExactly("0", "振替済", "1件", "3,000円", "なし");

        _selectRow(view.grid, 0);
        NotificationsKt.clearNotifications();
        view.reconcile(new java.io.ByteArrayInputStream(file(records[0], records[1], trailer, records[3])));
        assertThat(view.result.getText()).isEqualTo("この振替結果はすでに取り込み済みです。");
    }

    /** The bank's result is read on or after the debit date: the batch's (next month's) is put on today, as if it had come. */
    private void debitDateIsToday(TestTenant t, UUID batchId) {
        try (var c = ownerConnection(t.id()); var s = c.prepareStatement("update debit_batches set debit_date = ? where id = ?")) {
            s.setObject(1, today);
            s.setObject(2, batchId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] downloadFromCell(ReceiptsView view, int row, String column) {
        Anchor link = (Anchor) _getCellComponent(view.grid, row, column);
        UI.getCurrent().add(link);
        return _download(link);
    }

    private static byte[] file(String... records) {
        return (String.join("\r\n", records) + "\r\n").getBytes(JIS);
    }

    private static void fillDebitSettings(GivingSettingsView view) {
        view.form.organizationAddress.setValue("東京都千代田区千代田1-1");
        view.form.certificationNumber.setValue("認定第123号");
        view.form.certificationDate.setValue(LocalDate.of(2020, 4, 1));
        view.form.consignorKana.setValue("トモニ");
        view.form.bankCode.setValue("0001");
        view.form.branchCode.setValue("001");
        view.form.accountType.setValue(1);
        view.form.accountNumber.setValue("1234567");
        view.form.debitDay.setValue(26);
        view.form.staffEmail.setValue("staff@example.jp");
    }

    private void saveDebitSettings(TestTenant t) {
        context.getBean(GivingSettings.class).update(t.admin(), 0, new SettingsRequest("東京都千代田区千代田1-1", null, null, "1234567890",
            "ﾄﾓﾆ", "0001", "001", 1, "7654321", 27, 5, null)).orThrow();
    }

    private long signUpForDebit(TestTenant t, String familyKana, String account) {
        GiftPlans.PlanView plan = context.getBean(GiftPlans.class).create(t.admin(), new PlanRequest("口座振替サポーター", 1000L, "monthly", null,
            true)).orThrow();
        return context.getBean(PublicGiving.class).signUp(t.slug(), UUID.randomUUID().toString(), new SignupRequest(plan.id().toString(), 3,
            new DonorRequest("振替", "花子", familyKana, "ハナコ", "donor-" + account + "@example.jp", null, "1000001", "東京都", "千代田区",
                "千代田1-1", null),
            new PaymentRequest("direct_debit", "0005", "001", 1, account, "ﾌﾘｶｴ ﾊﾅｺ", null))).orThrow().giftNumber();
    }

    private static int rowOf(List<String> values, String value) {
        int row = values.indexOf(value);
        assertThat(row).as("%s is listed in %s", value, values).isNotNegative();
        return row;
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

    private DonationView donation(Actor admin, PersonView donor, long amount, String on, String kind) {
        return context.getBean(Donations.class).create(admin, new DonationRequest(donor.id().toString(), amount, on, "bank_transfer", kind,
            null, null)).orThrow();
    }
}
