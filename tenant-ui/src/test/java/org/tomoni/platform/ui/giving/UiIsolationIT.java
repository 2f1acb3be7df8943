package org.tomoni.platform.ui.giving;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.BillingRuns.RunView;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.RecurringGifts.GiftRequest;
import org.tomoni.platform.giving.RecurringGifts.GiftView;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.identity.UserView;
import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.BranchView;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypeView;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.organizations.OrganizationRequest;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.admin.UsersView;
import org.tomoni.platform.ui.components.MonthPicker;
import org.tomoni.platform.ui.members.BranchesView;
import org.tomoni.platform.ui.members.CsvView;
import org.tomoni.platform.ui.members.DuplicatesView;
import org.tomoni.platform.ui.members.MembershipsView;
import org.tomoni.platform.ui.members.OrganizationsView;
import org.tomoni.platform.ui.members.PeopleView;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.UiSession;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Every tenant screen, signed in as tenant A, shows nothing of tenant B's. */
@MicronautTest(transactional = false)
class UiIsolationIT extends ViewTest {
    TestTenant a;
    TestTenant b;
    PersonView bPerson;
    GiftView bGift;
    RunView bRun;
    String nextMonth;

    @BeforeAll
    void tenantBHasEverything() {
        a = tenants().create("iso-ui-a", "membership_organization");
        b = tenants().create("iso-ui-b", "membership_organization");
        bPerson = context.getBean(People.class).create(b.admin(), PersonRequest.basic("乙", "会員", "オツ", "カイイン", "1970-01-01", "b@example.jp",
            null, null, null, null, null, null, null)).orThrow();
        context.getBean(People.class).create(b.admin(), PersonRequest.basic("乙", "重複", "オツ", "カイイン", "1970-01-01", null,
            null, null, null, null, null, null, null)).orThrow();
        context.getBean(Organizations.class).create(b.admin(), new OrganizationRequest("乙の団体", "オツノダンタイ", "npo", null, null, null, null,
            null, null, null, null, null, null, null)).orThrow();
        context.getBean(Branches.class).create(b.admin(), new BranchRequest("乙支部", "オツシブ", null)).orThrow();
        MembershipTypeView type = context.getBean(MembershipTypes.class).create(b.admin(), new MembershipTypeRequest("乙会員", 1000L, "monthly",
            false, "person", null)).orThrow();
        context.getBean(Memberships.class).create(b.admin(), new MembershipRequest(bPerson.id().toString(), null, type.id().toString(), 1,
            null, null)).orThrow();
        context.getBean(UserManagement.class).create(b.admin(), new UserManagement.NewUser("otsu-staff", null, "staff", null)).orThrow();
        nextMonth = MonthPicker.nextMonth(context.getBean(java.time.Clock.class));
        PlanView bPlan = context.getBean(GiftPlans.class).create(b.admin(), new PlanRequest("乙プラン", 7000L, "monthly", null, true)).orThrow();
        bGift = context.getBean(RecurringGifts.class).create(b.admin(), new GiftRequest(bPerson.id().toString(), bPlan.id().toString(), 1,
            "direct_debit", nextMonth)).orThrow();
        bRun = context.getBean(BillingRuns.class).run(b.admin(), nextMonth).orThrow();
        context.getBean(BillingRuns.class).run(b.admin(), "2026-01").orThrow();
    }

    @Test
    void the_giving_screens_show_only_the_signed_in_tenants_plans_gifts_and_runs() {
        PersonView aPerson = context.getBean(People.class).create(a.admin(), PersonRequest.basic("甲", "寄付者", "コウ", "キフシャ", null, null,
            null, null, null, null, null, null, null)).orThrow();
        PlanView aPlan = context.getBean(GiftPlans.class).create(a.admin(), new PlanRequest("甲プラン", 1000L, "monthly", null, true)).orThrow();
        GiftView aGift = context.getBean(RecurringGifts.class).create(a.admin(), new GiftRequest(aPerson.id().toString(), aPlan.id().toString(), 2,
            "cash", nextMonth)).orThrow();
        signInAdmin("iso-ui-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        assertThat(_findAll(_get(GiftPlansView.class).grid)).extracting(PlanView::name).containsExactly("甲プラン");

        UI.getCurrent().navigate(RecurringGiftsView.class);
        RecurringGiftsView gifts = _get(RecurringGiftsView.class);
        assertThat(_findAll(gifts.grid)).extracting(GiftView::id).containsExactly(aGift.id());
        assertThat(gifts.form.plan.getListDataView().getItems().map(PlanView::name)).containsExactly("甲プラン");
        gifts.status.setValue("active");
        assertThat(_findAll(gifts.grid)).extracting(GiftView::donorName).containsExactly("甲 寄付者");
        gifts.open(bGift.id());
        assertThat(gifts.detail.isVisible()).as("tenant B's gift does not open").isFalse();
        gifts.open(aGift.id());
        assertThat(gifts.detail.isVisible()).isTrue();

        UI.getCurrent().navigate(BillingRunsView.class);
        BillingRunsView runs = _get(BillingRunsView.class);
        assertThat(_findAll(runs.grid)).isEmpty();
        _click(runs.run);
        List<RunView> listed = _findAll(runs.grid);
        assertThat(listed).extracting(RunView::period).containsExactly(nextMonth);
        assertThat(listed.get(0).chargesInPeriod()).as("B's charge in the same month is not counted").isEqualTo(1);
        assertThat(_getFormatted(runs.grid, 0, "inPeriod")).isEqualTo("1件・2,000円");
        runs.open(listed.get(0));
        assertThat(_findAll(runs.charges.grid)).as("the run's charges: A's only").extracting(org.tomoni.platform.giving.Charges.ChargeView::name)
            .containsExactly("甲 寄付者");
        runs.open(bRun);
        assertThat(_findAll(runs.charges.grid)).as("tenant B's run lists none of B's charges").isEmpty();
        assertThat(runs.charges.totals.getText()).isEqualTo("計 0件・0円");
    }

    @Test
    void every_tenant_screen_shows_only_the_signed_in_tenants_data() {
        signInAdmin("iso-ui-a");
        assertThat(_findAll(_get(PeopleView.class).grid)).extracting(PersonView::familyName).doesNotContain("乙");
        UI.getCurrent().navigate(OrganizationsView.class);
        assertThat(_findAll(_get(OrganizationsView.class).grid)).extracting(OrganizationView::name).doesNotContain("乙の団体");
        UI.getCurrent().navigate(BranchesView.class);
        assertThat(_findAll(_get(BranchesView.class).grid)).extracting(BranchView::name).doesNotContain("乙支部");
        UI.getCurrent().navigate(MembershipsView.class);
        assertThat(_findAll(_get(MembershipsView.class).types)).extracting(MembershipTypeView::name).doesNotContain("乙会員");
        assertThat(_findAll(_get(MembershipsView.class).memberships)).extracting(MembershipView::memberName).doesNotContain("乙 会員");
        UI.getCurrent().navigate(UsersView.class);
        assertThat(_findAll(_get(UsersView.class).grid)).extracting(UserView::username).containsExactly("admin");
        UI.getCurrent().navigate(DuplicatesView.class);
        assertThat(_findAll(_get(DuplicatesView.class).grid)).isEmpty();
        UI.getCurrent().navigate(CsvView.class);
        CsvView csv = _get(CsvView.class);
        csv.importFile(UiSession.require(), ("ID,姓,名,セイ,メイ\r\n" + bPerson.id() + ",乗っ取り,太郎,ノットリ,タロウ\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(csv.result.getText()).startsWith("誤りが1件");
        UI.getCurrent().navigate("person/" + bPerson.id());
        _get(NotFoundView.class);
        assertThat(context.getBean(People.class).get(b.admin(), bPerson.id()).orThrow().familyName()).isEqualTo("乙");
    }

    @Test
    void the_audit_log_shows_only_the_signed_in_tenants_entries_colleagues_and_csv() {
        signInAdmin("iso-ui-a");
        UI.getCurrent().navigate(org.tomoni.platform.ui.admin.AuditLogView.class);
        var panel = _get(org.tomoni.platform.ui.admin.AuditLogView.class).panel;
        var entries = _findAll(panel.grid).stream().map(org.tomoni.platform.ui.admin.AuditLogPanel.Line::entry).toList();
        assertThat(entries).isNotEmpty();
        assertThat(entries).noneMatch(e -> bPerson.id().toString().equals(e.targetId()) || e.actorName().endsWith("@iso-ui-b"));
        assertThat(panel.who.getListDataView().getItems().map(org.tomoni.platform.ui.admin.AuditLogPanel.ActorChoice::staffName))
            .doesNotContain("otsu-staff");
        assertThat(new String(com.github.mvysny.kaributesting.v10.DownloadKt._download(panel.download), StandardCharsets.UTF_8))
            .contains("日時").doesNotContain(bPerson.id().toString()).doesNotContain("iso-ui-b");
        UI.getCurrent().navigate("audit-log", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("targetType", "person",
            "targetId", bPerson.id().toString())));
        assertThat(_findAll(_get(org.tomoni.platform.ui.admin.AuditLogView.class).panel.grid)).as("B's person's history").isEmpty();
    }

    @Test
    void the_money_screens_show_only_the_signed_in_tenants_donations_receipts_batches_and_settings() {
        var bDonor = context.getBean(People.class).create(b.admin(), PersonRequest.basic("乙", "寄付者", "オツ", "キフシャ", null, null, null, null,
            null, null, null, null, null)).orThrow();
        var bDonation = context.getBean(org.tomoni.platform.giving.Donations.class).create(b.admin(),
            new org.tomoni.platform.giving.Donations.DonationRequest(bDonor.id().toString(), 44000L, "2026-01-15", "cash", "donation", null, null))
            .orThrow();
        var bReceipt = context.getBean(org.tomoni.platform.giving.Receipts.class).issue(b.admin(), bDonation.id()).orThrow();
        context.getBean(org.tomoni.platform.giving.GivingSettings.class).update(b.admin(), 0, new org.tomoni.platform.giving.GivingSettings
            .SettingsRequest("乙の住所", null, null, "9999999999", "ｵﾂ", "0001", "001", 1, "7777777", 27, 5, null)).orThrow();
        PlanView bPublic = context.getBean(GiftPlans.class).create(b.admin(), new PlanRequest("乙公開プラン", 2000L, "monthly", null, true))
            .orThrow();
        context.getBean(org.tomoni.platform.giving.PublicGiving.class).signUp(b.slug(), java.util.UUID.randomUUID().toString(),
            new org.tomoni.platform.giving.PublicGiving.SignupRequest(bPublic.id().toString(), 1,
                new org.tomoni.platform.giving.PublicGiving.DonorRequest("乙", "振替", "オツ", "フリカエ", "otsu-debit@example.jp", null, null, null,
                    null, null, null),
                new org.tomoni.platform.giving.Payments.PaymentRequest("direct_debit", "0005", "001", 1, "2222222", "ｵﾂ ﾌﾘｶｴ", null))).orThrow();
        context.getBean(BillingRuns.class).run(b.admin(), nextMonth).orThrow();
        var bBatch = context.getBean(org.tomoni.platform.giving.DebitBatches.class).list(b.admin(), org.tomoni.platform.shared.PageRequest.of(0, 10))
            .orThrow().items().get(0);
        PersonView aDonor = context.getBean(People.class).create(a.admin(), PersonRequest.basic("甲", "受領者", "コウ", "ジュリョウシャ", null, null,
            null, null, null, null, null, null, null)).orThrow();
        var aDonation = context.getBean(org.tomoni.platform.giving.Donations.class).create(a.admin(),
            new org.tomoni.platform.giving.Donations.DonationRequest(aDonor.id().toString(), 1000L, "2026-01-16", "cash", "donation", null, null))
            .orThrow();
        var aReceipt = context.getBean(org.tomoni.platform.giving.Receipts.class).issue(a.admin(), aDonation.id()).orThrow();

        signInAdmin("iso-ui-a");
        UI.getCurrent().navigate(DonationsView.class);
        assertThat(_findAll(_get(DonationsView.class).grid)).extracting(org.tomoni.platform.giving.Donations.DonationView::id)
            .containsExactly(aDonation.id());

        UI.getCurrent().navigate(ReceiptsView.class);
        ReceiptsView receipts = _get(ReceiptsView.class);
        assertThat(_findAll(receipts.grid)).extracting(org.tomoni.platform.giving.Receipts.ReceiptView::id).containsExactly(aReceipt.id());
        var foreignLink = receipts.pdfLink(bReceipt);
        UI.getCurrent().add(foreignLink);
        assertThat(com.github.mvysny.kaributesting.v10.DownloadKt._download(foreignLink)).as("B's receipt PDF is not served").isEmpty();

        UI.getCurrent().navigate(DebitBatchesView.class);
        DebitBatchesView batches = _get(DebitBatchesView.class);
        assertThat(_findAll(batches.grid)).isEmpty();
        assertThat(batches.settingsMissing.isVisible()).as("B's debit settings are not A's").isTrue();
        batches.open(bBatch.id());
        assertThat(batches.detail.isVisible()).as("tenant B's batch does not open").isFalse();
        batches.debits.show(bBatch.id());
        assertThat(_findAll(batches.debits.grid)).as("nor do its debits list").isEmpty();

        UI.getCurrent().navigate(GivingSettingsView.class);
        GivingSettingsView settings = _get(GivingSettingsView.class);
        assertThat(settings.form.consignorCode.getValue()).isEmpty();
        assertThat(settings.form.organizationAddress.getValue()).isEmpty();
        assertThat(settings.version).isZero();
        settings.form.consignorCode.setValue("1111111111");
        _click(settings.form.save);
        assertThat(context.getBean(org.tomoni.platform.giving.GivingSettings.class).get(b.admin()).orThrow().consignorCode())
            .as("saving A's settings leaves B's alone").isEqualTo("9999999999");
    }
}
