package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.organizations.OrganizationKind;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.UiSession;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** Organisations and CSV screens, browserless, for two tenants. */
@MicronautTest(transactional = false)
class MembersScreensIT extends ViewTest {
    TestTenant a;
    TestTenant b;

    @BeforeAll
    void tenantsWithData() {
        a = tenants().create("screens-a", "hub_network");
        b = tenants().create("screens-b", "hub_network");
        context.getBean(org.tomoni.platform.members.organizations.Organizations.class).create(b.admin(), new org.tomoni.platform.members.organizations.OrganizationRequest(
            "B の団体", "ビーノダンタイ", "npo", null, null, null, null, null, null, null, null, null, null, null)).orThrow();
        context.getBean(People.class).create(a.admin(),
            PersonRequest.basic("出力", "対象", "シュツリョク", "タイショウ", null, null, null, null, null, null, null, null, null)).orThrow();
    }

    @Test
    void organisations_are_listed_in_reading_order_and_added_with_japanese_messages_for_bad_input() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(OrganizationsView.class);
        OrganizationsView view = _get(OrganizationsView.class);
        view.search.setValue("該当なし");
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(view.count.getText()).isEqualTo("該当する団体はありません。検索語を変えてください。");
        view.search.setValue("ポカポカ");

        view.form.name.setValue("子育てひろば ぽかぽか");
        view.form.nameKana.setValue("Pokapoka");
        _click(view.form.add);
        assertThat(view.form.nameKana.isInvalid()).isTrue();
        assertThat(view.form.kind.getErrorMessage()).isEqualTo("入力してください。");

        view.form.nameKana.setValue("こそだてひろば ぽかぽか");
        view.form.kind.setValue(OrganizationKind.NPO);
        _click(view.form.add);
        assertThat(_findAll(view.grid)).extracting(OrganizationView::nameKana).containsExactly("コソダテヒロバ ポカポカ");
        assertThat(_findAll(view.grid)).extracting(OrganizationView::name).doesNotContain("B の団体");
    }

    @Test
    void a_csv_with_errors_shows_every_bad_line_and_imports_nothing_and_a_good_one_imports() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(CsvView.class);
        CsvView view = _get(CsvView.class);
        String bad = "姓,名,セイ,メイ,郵便番号\r\n良,一,ヨイ,イチ,1000001\r\n,二,ワルイ,ニ,12\r\n";
        view.importFile(UiSession.require(), bad.getBytes(StandardCharsets.UTF_8));
        assertThat(view.result.getText()).startsWith("誤りが2件");
        assertThat(_findAll(view.errors)).extracting(FieldError::row).containsOnly(3);
        long before = context.getBean(People.class).search(a.admin(), "ヨイ", org.tomoni.platform.shared.PageRequest.of(0, 1)).orThrow().total();
        assertThat(before).isZero();

        String good = "姓,名,セイ,メイ\r\n良,一,ヨイ,イチ\r\n";
        view.importFile(UiSession.require(), good.getBytes(StandardCharsets.UTF_8));
        assertThat(view.result.getText()).startsWith("取り込みました：新規1件");
        assertThat(view.errors.isVisible()).isFalse();
        assertThat(view.download.getHref()).isNotBlank();
    }

    @Test
    void csv_import_errors_name_the_column_as_the_file_and_the_form_do_in_the_list_and_the_downloaded_report_never_the_api_key() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(CsvView.class);
        CsvView view = _get(CsvView.class);
        String bad = "姓,名,セイ,メイ,郵便番号\r\n,二,ワルイ,ニ,12\r\n";
        view.importFile(UiSession.require(), bad.getBytes(StandardCharsets.UTF_8));
        java.util.List<FieldError> errors = _findAll(view.errors);
        assertThat(errors).extracting(view::column).contains("姓", "郵便番号").doesNotContain("familyName", "postalCode");
        assertThat(view.errorReport.isVisible()).isTrue();
        assertThat(view.errorReport.getHref()).isNotBlank();
        String report = org.tomoni.platform.shared.ExcelCsv.decode(view.errorReport(errors, org.tomoni.platform.shared.ExcelCsv.Encoding.UTF_8_BOM));
        assertThat(report).startsWith("行,項目,内容").contains("2,姓,入力してください。", "2,郵便番号,郵便番号は7桁")
            .doesNotContain("familyName", "postalCode");

        UI.getCurrent().setLocale(org.tomoni.platform.ui.shell.UiI18n.ENGLISH);
        try {
            assertThat(errors).extracting(view::column).contains("Family name", "Postal code");
            String english = org.tomoni.platform.shared.ExcelCsv.decode(view.errorReport(errors,
                org.tomoni.platform.shared.ExcelCsv.Encoding.WINDOWS_31J));
            assertThat(english).startsWith("Line,Field,Problem").contains("2,Family name,", "2,Postal code,").doesNotContain("postalCode");
        } finally {
            UI.getCurrent().setLocale(org.tomoni.platform.ui.shell.UiI18n.JAPANESE);
        }
    }

    @Test
    void a_people_export_windows_31j_cannot_hold_is_refused_on_the_screen_naming_the_row_and_column() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(CsvView.class);
        CsvView view = _get(CsvView.class);
        view.importFile(UiSession.require(), "姓,名,セイ,メイ\r\n𠮷野,花,ヨシノ,ハナ\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.result.getText()).startsWith("取り込みました");
        view.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.WINDOWS_31J);
        assertThat(view.download.isEnabled()).isFalse();
        assertThat(view.exportProblem.getText()).contains("UTF-8（BOM付き）").contains("行目・姓");
        view.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.UTF_8_BOM);
        assertThat(view.download.isEnabled()).isTrue();
        assertThat(view.download.getHref()).isNotBlank();
    }

    @Test
    void branches_and_the_fee_schedule_are_kept_and_memberships_listed_by_status_and_ended() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(BranchesView.class);
        BranchesView branches = _get(BranchesView.class);
        branches.form.name.setValue("東日本ブロック");
        branches.form.nameKana.setValue("ひがしにほんぶろっく");
        _click(branches.form.add);
        assertThat(_findAll(branches.grid)).extracting(org.tomoni.platform.members.branches.BranchView::nameKana).containsExactly("ヒガシニホンブロック");
        _click(branches.form.add);
        assertThat(branches.form.name.isInvalid()).isTrue();

        UI.getCurrent().navigate(MembershipsView.class);
        MembershipsView view = _get(MembershipsView.class);
        view.typeForm.typeName.setValue("正会員（団体）");
        view.typeForm.fee.setValue(12000);
        view.typeForm.period.setValue("yearly");
        view.typeForm.memberKind.setValue("organization");
        _click(view.typeForm.addType);
        var type = _findAll(view.types).get(0);
        assertThat(type.feeYen()).isEqualTo(12000);
        var hub = context.getBean(org.tomoni.platform.members.organizations.Organizations.class).create(a.admin(), new org.tomoni.platform.members.organizations.OrganizationRequest(
            "びーのびーの", "ビーノビーノ", "npo", null, null, null, null, null, null, null, null, null, null, null)).orThrow();
        context.getBean(org.tomoni.platform.members.memberships.Memberships.class).create(a.admin(), new org.tomoni.platform.members.memberships.MembershipRequest(
            null, hub.id().toString(), type.id().toString(), 1, "2026-04-01", null)).orThrow();
        view.refreshMemberships();
        var rows = _findAll(view.memberships);
        assertThat(rows).extracting(org.tomoni.platform.members.memberships.MembershipView::memberName).containsExactly("びーのびーの");
        _fireConfirm(view.confirmEnd(rows.get(0)));
        assertThat(_findAll(view.memberships)).isEmpty();
        view.status.setValue("ended");
        assertThat(_findAll(view.memberships)).hasSize(1);

        view.typeForm.typeName.setValue("正会員");
        view.typeForm.fee.setValue(1000);
        view.typeForm.period.setValue("monthly");
        view.typeForm.memberKind.setValue("person");
        view.typeForm.perUnit.setValue(true);
        _click(view.typeForm.addType);
        _click(view.membershipForm.addMembership);
        assertThat(view.membershipMessage.getText()).contains("会員：個人か団体のどちらか一方を指定してください。").contains("会員種別：入力してください。");
        var person = context.getBean(People.class).search(a.admin(), "シュツリョク", org.tomoni.platform.shared.PageRequest.of(0, 1)).orThrow().items().get(0);
        view.membershipForm.member.setValue(org.tomoni.platform.ui.components.Pickers.Party.of(person));
        view.membershipForm.newType.setValue(view.membershipForm.newType.getListDataView().getItems().filter(t -> t.name().equals("正会員")).findFirst().orElseThrow());
        view.membershipForm.units.setValue(3);
        _click(view.membershipForm.addMembership);
        assertThat(view.membershipMessage.getText()).startsWith("会員資格を追加しました（会員番号");
        view.status.setValue("active");
        assertThat(_findAll(view.memberships)).anyMatch(m -> m.duesPerPeriod() == 3000);
    }

    @Test
    void a_memberships_history_is_rendered_from_its_structure_in_japanese_and_in_english() {
        signInAdmin("screens-a");
        var types = context.getBean(org.tomoni.platform.members.memberships.MembershipTypes.class);
        var memberships = context.getBean(org.tomoni.platform.members.memberships.Memberships.class);
        var type = types.create(a.admin(), new org.tomoni.platform.members.memberships.MembershipTypeRequest("履歴会員", 500L, "monthly", true,
            "person", null)).orThrow();
        var person = context.getBean(People.class).create(a.admin(),
            PersonRequest.basic("履歴", "花子", "リレキ", "ハナコ", null, null, null, null, null, null, null, null, null)).orThrow();
        var m = memberships.create(a.admin(), new org.tomoni.platform.members.memberships.MembershipRequest(person.id().toString(), null,
            type.id().toString(), 2, "2026-04-01", null)).orThrow();
        memberships.update(a.admin(), m.id(), 0, new org.tomoni.platform.members.memberships.MembershipRequest(null, null, null, 4, null, null))
            .orThrow();
        memberships.update(a.admin(), m.id(), 1, new org.tomoni.platform.members.memberships.MembershipRequest(null, null, null, null, null,
            "lapsed")).orThrow();

        UI.getCurrent().navigate(MembershipsView.class);
        MembershipsView view = _get(MembershipsView.class);
        view.status.setValue("lapsed");
        view.showHistory(_findAll(view.memberships).stream().filter(r -> r.id().equals(m.id())).findFirst().orElseThrow());
        assertThat(contents(view)).containsExactly("開始（履歴会員 × 2口）", "口数の変更（2口 → 4口）", "滞納（有効 → 滞納）");

        UI.getCurrent().setLocale(org.tomoni.platform.ui.shell.UiI18n.ENGLISH);
        assertThat(contents(view)).containsExactly("Started (履歴会員 × 2 units)", "Units changed (2 units → 4 units)",
            "Lapsed (Active → Lapsed)");
        UI.getCurrent().setLocale(org.tomoni.platform.ui.shell.UiI18n.JAPANESE);
    }

    private static java.util.List<String> contents(MembershipsView view) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < _findAll(view.history).size(); i++) {
            lines.add(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(view.history, i).get(1));
        }
        return lines;
    }

    @Test
    void a_bad_branch_kana_a_fee_schedule_line_and_a_membership_are_marked_on_their_own_fields() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(BranchesView.class);
        BranchesView branches = _get(BranchesView.class);
        branches.form.name.setValue("西日本ブロック");
        branches.form.nameKana.setValue("Nishinihon");
        _click(branches.form.add);
        assertThat(branches.form.nameKana.isInvalid()).as("the kana is at fault").isTrue();
        assertThat(branches.form.name.isInvalid()).as("the name is fine").isFalse();
        assertThat(branches.form.nameKana.getValue()).as("what was typed stays to be corrected").isEqualTo("Nishinihon");

        UI.getCurrent().navigate(MembershipsView.class);
        MembershipsView view = _get(MembershipsView.class);
        _click(view.typeForm.addType);
        assertThat(view.typeForm.typeName.isInvalid()).isTrue();
        assertThat(view.typeForm.fee.isInvalid()).isTrue();
        view.typeForm.typeName.setValue("賛助会員（検査）");
        view.typeForm.fee.setValue(3000);
        _click(view.typeForm.addType);
        assertThat(view.typeForm.typeName.isInvalid()).as("a saved type clears the old errors").isFalse();
        assertThat(view.typeForm.fee.isInvalid()).isFalse();
        assertThat(view.typeForm.typeName.getValue()).as("the form is cleared for the next type").isEmpty();

        _click(view.membershipForm.addMembership);
        assertThat(view.membershipForm.member.isInvalid()).isTrue();
        assertThat(view.membershipForm.newType.isInvalid()).isTrue();
        assertThat(view.membershipMessage.getText()).contains("会員種別：入力してください。");
    }

    @Test
    void an_organisation_is_edited_from_the_list() {
        signInAdmin("screens-a");
        UI.getCurrent().navigate(OrganizationsView.class);
        OrganizationsView view = _get(OrganizationsView.class);
        view.form.name.setValue("編集前の会");
        view.form.nameKana.setValue("ヘンシュウマエノカイ");
        view.form.kind.setValue(OrganizationKind.OTHER);
        _click(view.form.add);
        view.search.setValue("ヘンシュウ");
        view.edit(_findAll(view.grid).get(0));
        view.form.name.setValue("編集後の会");
        view.form.phone.setValue("03-1234-5678");
        view.form.prefecture.setValue("東京都");
        _click(view.form.add);
        assertThat(_findAll(view.grid)).extracting(OrganizationView::name).containsExactly("編集後の会");
        assertThat(_findAll(view.grid).get(0).phone()).isEqualTo("0312345678");
        view.edit(_findAll(view.grid).get(0));
        view.form.postalCode.setValue("12");
        _click(view.form.add);
        assertThat(view.form.postalCode.isInvalid()).isTrue();
        assertThat(view.form.postalCode.getErrorMessage()).startsWith("郵便番号は7桁");
    }

    @Test
    void read_only_users_have_no_csv_screen() {
        tenants().userToken(a, "screens-viewer", Role.READ_ONLY);
        signIn("screens-a", "screens-viewer", TestTenants.PASSWORD);
        UI.getCurrent().navigate(CsvView.class);
        _get(NotFoundView.class);
    }
    @Test
    void ending_a_membership_asks_for_the_end_date_naming_member_and_type_and_only_a_confirmed_valid_date_ends_it() {
        TestTenant t = tenants().create("screens-end", "membership_organization");
        LocalDate today = LocalDate.now(context.getBean(Clock.class).withZone(UiFormat.TOKYO));
        LocalDate start = today.minusMonths(2);
        var type = context.getBean(MembershipTypes.class).create(t.admin(), new MembershipTypeRequest("賛助会員", 1000L, "monthly", true, "person", null))
            .orThrow();
        var person = context.getBean(People.class).create(t.admin(),
            PersonRequest.basic("終了", "花子", "シュウリョウ", "ハナコ", null, null, null, null, null, null, null, null, null)).orThrow();
        Memberships memberships = context.getBean(Memberships.class);
        MembershipView m = memberships.create(t.admin(), new MembershipRequest(person.id().toString(), null, type.id().toString(), 1,
            start.toString(), null)).orThrow();
        signInAdmin("screens-end");
        UI.getCurrent().navigate(MembershipsView.class);
        MembershipsView view = _get(MembershipsView.class);
        MembershipView listed = _findAll(view.memberships).get(0);

        ConfirmDialog dialog = view.confirmEnd(listed);
        assertThat(Confirmations.text(dialog)).contains("終了 花子", "賛助会員", UiFormat.date(start, Locale.JAPANESE), "元に戻せません");
        assertThat(view.endDate.getValue()).as("today in Tokyo by default").isEqualTo(today);
        assertThat(view.endDate.getMin()).as("never before the start").isEqualTo(start);
        _fireCancel(dialog);
        assertThat(memberships.get(t.admin(), m.id()).orThrow().status()).as("cancel changes nothing").isEqualTo("active");

        dialog = view.confirmEnd(listed);
        view.endDate.setValue(start.minusDays(1));
        _fireConfirm(dialog);
        assertThat(view.membershipMessage.getText()).isEqualTo("終了日は開始日より後にしてください。");
        assertThat(memberships.get(t.admin(), m.id()).orThrow().status()).as("the API refuses a date before the start").isEqualTo("active");

        LocalDate chosen = today.minusDays(3);
        dialog = view.confirmEnd(listed);
        view.endDate.setValue(chosen);
        _fireConfirm(dialog);
        MembershipView ended = memberships.get(t.admin(), m.id()).orThrow();
        assertThat(ended.status()).isEqualTo("ended");
        assertThat(ended.endsOn()).isEqualTo(chosen);
        assertThat(view.membershipMessage.getText()).as("the result replaces the refusal")
            .isEqualTo("終了 花子 の会員資格「賛助会員」を" + UiFormat.date(chosen, Locale.JAPANESE) + "で終了しました。");
        assertThat(_findAll(view.memberships)).isEmpty();
    }
}
