package org.tomoni.platform.ui.giving;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.members.organizations.OrganizationRequest;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.Pickers.Party;
import org.tomoni.platform.ui.members.OrganizationsView;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A co-op as a donor from the screens (issue 12): the donation form's one picker of people and
 * organisations, the receipt, and the gift on the organisation's form; and the empty states of the
 * money lists (nothing yet: what to do; nothing matching: change the filter), in Japanese and English.
 */
@MicronautTest(transactional = false)
class OrganisationDonorScreensIT extends ViewTest {
    TestTenant fund;
    TestTenant empty;

    @BeforeAll
    void someTenants() {
        fund = tenants().create("org-donor-fund", "grant_fund");
        empty = tenants().create("org-donor-empty", "grant_fund");
        context.getBean(Organizations.class).create(fund.admin(), new OrganizationRequest("生活クラブ生活協同組合", "セイカツクラブセイカツキョウドウクミアイ",
            "coop", null, null, null, "2200011", "神奈川県", "横浜市西区", "高島2-19-12", null, null, null, null)).orThrow();
    }

    @Test
    void a_co_op_is_recorded_as_a_donor_receipted_and_shown_on_its_form() {
        signInAdmin("org-donor-fund");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView view = _get(DonationsView.class);
        ComboBox<Party> donor = view.form.donor;
        setUserInput(donor, "セイカツ");
        assertThat(getSuggestions(donor)).containsExactly("団体｜生活クラブ生活協同組合");
        donor.setValue(getSuggestionItems(donor).get(0));
        view.form.amount.setValue(30000);
        _click(view.form.add);
        List<DonationView> rows = _findAll(view.grid);
        assertThat(rows).extracting(DonationView::donorName, DonationView::amount).containsExactly(
            org.assertj.core.groups.Tuple.tuple("生活クラブ生活協同組合", 30000L));
        view.grid.select(rows.get(0));
        ConfirmDialog confirm = view.confirmIssueReceipt();
        _fireConfirm(confirm);
        assertThat(_findAll(view.grid).get(0).receiptStatus()).isEqualTo("issued");

        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        try {
            setUserInput(donor, "セイカツ");
            assertThat(getSuggestions(donor)).containsExactly("Organisation | 生活クラブ生活協同組合");
        } finally {
            UI.getCurrent().setLocale(UiI18n.JAPANESE);
        }

        UI.getCurrent().navigate(OrganizationsView.class);
        OrganizationsView orgs = _get(OrganizationsView.class);
        _clickItem(orgs.grid, _findAll(orgs.grid).stream().map(OrganizationView::name).toList().indexOf("生活クラブ生活協同組合"));
        assertThat(_findAll(orgs.orgDonations)).extracting(DonationView::amount, DonationView::receiptStatus)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(30000L, "issued"));
    }

    @Test
    void the_money_lists_say_what_to_do_when_empty_and_to_change_the_filter_when_nothing_matches() {
        signInAdmin("org-donor-empty");
        UI.getCurrent().navigate(DonationsView.class);
        DonationsView donations = _get(DonationsView.class);
        assertThat(_findAll(donations.grid)).isEmpty();
        assertThat(donations.grid.getEmptyStateText()).isEqualTo(
            "まだ受領がありません。上の欄に寄付者と金額を入れて『受領を登録』を押すか、口座振替の結果を取り込んでください。");
        donations.kindFilter.setValue("fee");
        assertThat(donations.grid.getEmptyStateText()).isEqualTo("該当する受領はありません。年や区分の絞り込みを変えてください。");
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        try {
            assertThat(donations.grid.getEmptyStateText()).isEqualTo("Nothing received matches. Change the year or the kind.");
            donations.kindFilter.clear();
            assertThat(donations.grid.getEmptyStateText()).startsWith("Nothing received yet. Enter a donor and an amount above");

            UI.getCurrent().navigate(RecurringGiftsView.class);
            RecurringGiftsView gifts = _get(RecurringGiftsView.class);
            assertThat(gifts.grid.getEmptyStateText()).startsWith("No recurring gifts yet. Record one with \"Add gift\"");
            gifts.status.setValue("paused");
            assertThat(gifts.grid.getEmptyStateText()).isEqualTo("No matching recurring gifts. Choose another status.");
        } finally {
            UI.getCurrent().setLocale(UiI18n.JAPANESE);
        }
        UI.getCurrent().navigate(BillingRunsView.class);
        assertThat(_get(BillingRunsView.class).grid.getEmptyStateText()).startsWith("請求処理はまだ実行されていません。対象月を選んで『実行』を押すと");
        UI.getCurrent().navigate(ReceiptsView.class);
        assertThat(_get(ReceiptsView.class).grid.getEmptyStateText()).startsWith("発行した領収書はまだありません。");
    }
}
