package org.tomoni.platform.ui.publicpages;

import org.tomoni.platform.access.Capability;
import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.RouteConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.DonorLinks;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.Payments.PaymentRequest;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.giving.PublicGiving.DonorRequest;
import org.tomoni.platform.giving.PublicGiving.PublicPlan;
import org.tomoni.platform.giving.PublicGiving.SignupRequest;
import org.tomoni.platform.giving.PublicGiving.SignupResponse;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.RecurringGifts.GiftView;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.LoginView;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.PublicRoute;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages, browserless, on PostgreSQL: the donation form of an organisation (plans,
 * total, confirmation, one gift however often it is submitted, errors beside the fields, the
 * throttle) and the donor's page behind the signed link; neither needs a login nor shows the
 * staff frame, and the staff routes still do.
 */
@MicronautTest(transactional = false)
class PublicPagesIT extends ViewTest {
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    TestTenant a;
    TestTenant b;
    PlanView supporter;
    PlanView yearly;
    String defaultAddress;
    String address;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.public-forms.limit-per-address", "5/10");
    }

    @BeforeAll
    void tenantsWithPlans() {
        a = tenants().create("pub-ui-a", "membership_organization");
        b = tenants().create("pub-ui-b", "membership_organization");
        supporter = plan(a, "マンスリーサポーター", 300, "monthly", "子ども食堂", true);
        yearly = plan(a, "年次サポーター", 5000, "yearly", null, true);
        plan(a, "内部用プラン", 100, "monthly", null, false);
        plan(b, "乙のプラン", 1000, "monthly", null, true);
    }

    /** Every test comes from its own address, so the sign-up throttle of one never touches another. */
    @BeforeEach
    void ownAddress() {
        defaultAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        address = "198.51.100." + ADDRESS.getAndIncrement();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(address);
    }

    @AfterEach
    void defaultAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(defaultAddress);
    }

    @Test
    void signing_up_through_the_form_creates_exactly_one_gift_even_when_submit_is_clicked_twice() {
        PublicSignupView view = open("pub-ui-a");
        assertThat(view.header.organization.getText()).isEqualTo("pub-ui-a の会");
        assertThat(view.formStep.isVisible()).isTrue();
        fill(view, "一度", "花子", "hanako-once@example.jp", "1234567");
        view.units.setValue(3);
        assertThat(view.total.getText()).isEqualTo("毎月 900円");

        _click(view.toConfirm);
        assertThat(view.formStep.isVisible()).isFalse();
        assertThat(view.confirmStep.isVisible()).isTrue();
        String shownRows = view.summary.getElement().getTextRecursively();
        assertThat(shownRows).as("the reading as it will be stored, in katakana").contains("イチド ハナコ").doesNotContain("いちど");
        assertThat(shownRows).contains("〒100-0001 東京都 千代田区 千代田1-1 ともにビル101", "銀行コード 0001・支店コード 123", "普通 ****567");
        String shown = view.summary.getElement().getTextRecursively();
        assertThat(shown).as("the confirmation masks the account number").contains("****567").doesNotContain("1234567");

        _click(view.submit);
        assertThat(view.thanksStep.isVisible()).isTrue();
        String number = view.giftNumber.getText();
        assertThat(number).matches("受付番号：\\d+");
        view.submit();
        assertThat(view.giftNumber.getText()).as("a second click answers with the same gift").isEqualTo(number);

        List<GiftView> gifts = giftsOf(a, "一度 花子");
        assertThat(gifts).as("one gift however often the form is submitted").hasSize(1);
        GiftView gift = gifts.get(0);
        assertThat(number).isEqualTo("受付番号：" + gift.giftNumber());
        assertThat(gift.units()).isEqualTo(3);
        assertThat(gift.monthlyAmount()).isEqualTo(900);
        assertThat(gift.paymentMethod()).isEqualTo("direct_debit");
        assertThat(gift.bankAccount().accountNumberMasked()).isEqualTo("****567");
        assertThat(gift.source()).isEqualTo("public");
        assertThat(view.mailNote.getText()).isEqualTo("確認のメールを hanako-once@example.jp にお送りしました。"
            + "口数の変更・休止・解約は、メールに記載のリンクからいつでも行えます。");
    }

    @Test
    void invalid_bank_details_come_back_in_japanese_beside_their_fields_and_the_corrected_form_signs_up_once() {
        PublicSignupView view = open("pub-ui-a");
        fill(view, "口座", "誤り", "account-wrong@example.jp", "123");
        view.bankCode.setValue("12");
        view.branchCode.clear();
        view.accountHolderKana.setValue("口座誤り");
        _click(view.toConfirm);

        assertThat(view.formStep.isVisible()).as("the form stays, to be corrected, before any confirmation").isTrue();
        assertThat(view.confirmStep.isVisible()).isFalse();
        assertThat(view.formError.getText()).isEqualTo("入力内容に誤りがあります。赤く表示された項目をご確認ください。");
        assertThat(view.bankCode.isInvalid()).isTrue();
        assertThat(view.bankCode.getErrorMessage()).isEqualTo("4桁の数字で入力してください。");
        assertThat(view.branchCode.isInvalid()).isTrue();
        assertThat(view.branchCode.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.accountNumber.isInvalid()).isTrue();
        assertThat(view.accountNumber.getErrorMessage()).isEqualTo("7桁の数字で入力してください。");
        assertThat(view.accountHolderKana.isInvalid()).isTrue();
        assertThat(view.accountHolderKana.getErrorMessage()).startsWith("口座名義はカナ");
        assertThat(view.donor.familyName.isInvalid()).as("only the fields at fault are marked").isFalse();
        assertThat(view.donor.email.isInvalid()).isFalse();
        assertThat(giftsOf(a, "口座 誤り")).as("nothing is half-written").isEmpty();

        view.bankCode.setValue("0005");
        view.branchCode.setValue("001");
        view.accountNumber.setValue("7654321");
        view.accountHolderKana.setValue("こうざ あやまり");
        _click(view.toConfirm);
        assertThat(view.bankCode.isInvalid()).isFalse();
        _click(view.submit);
        assertThat(view.thanksStep.isVisible()).isTrue();
        List<GiftView> gifts = giftsOf(a, "口座 誤り");
        assertThat(gifts).hasSize(1);
        assertThat(gifts.get(0).bankAccount().accountHolderKana()).isEqualTo("ｺｳｻﾞ ｱﾔﾏﾘ");
    }

    @Test
    void missing_donor_details_are_marked_beside_their_fields() {
        PublicSignupView view = open("pub-ui-a");
        view.plan.setValue(planItem(view, supporter));
        _click(view.toConfirm);
        assertThat(view.formStep.isVisible()).isTrue();
        assertThat(view.confirmStep.isVisible()).as("an incomplete form never reaches the confirmation").isFalse();
        assertThat(view.summary.getElement().getTextRecursively()).doesNotContain("—").doesNotContain("null");
        assertThat(view.donor.familyName.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.donor.familyName.isInvalid()).isTrue();
        assertThat(view.donor.givenNameKana.isInvalid()).isTrue();
        assertThat(view.donor.email.isInvalid()).isTrue();
        assertThat(view.donor.email.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(view.plan.isInvalid()).isFalse();
        assertThat(view.units.isInvalid()).isFalse();
    }

    @Test
    void the_plans_are_offered_with_their_price_and_the_total_follows_the_plan_and_the_units() {
        PublicSignupView view = open("pub-ui-a");
        List<PublicPlan> offered = view.plan.getListDataView().getItems().toList();
        assertThat(offered).extracting(PublicPlan::name).containsExactlyInAnyOrder("マンスリーサポーター", "年次サポーター");
        assertThat(view.price(planItem(view, supporter))).isEqualTo("300円／口・毎月");
        assertThat(view.price(planItem(view, yearly))).isEqualTo("5,000円／口・毎年");
        assertThat(view.total.getText()).as("no plan chosen yet").isEmpty();

        view.plan.setValue(planItem(view, supporter));
        assertThat(view.total.getText()).isEqualTo("毎月 300円");
        view.units.setValue(3);
        assertThat(view.total.getText()).isEqualTo("毎月 900円");
        view.units.setValue(10);
        assertThat(view.total.getText()).isEqualTo("毎月 3,000円");
        view.plan.setValue(planItem(view, yearly));
        assertThat(view.total.getText()).isEqualTo("毎年 50,000円");
        view.units.clear();
        assertThat(view.total.getText()).isEmpty();
    }

    @Test
    void each_organisations_page_offers_only_its_own_published_plans() {
        PublicSignupView viewB = open("pub-ui-b");
        assertThat(viewB.header.organization.getText()).isEqualTo("pub-ui-b の会");
        assertThat(viewB.plan.getListDataView().getItems()).extracting(PublicPlan::name).containsExactly("乙のプラン");
        assertThat(viewB.plan.getValue()).as("a single plan is chosen already").isNotNull();
        PublicSignupView viewA = open("pub-ui-a");
        assertThat(viewA.plan.getListDataView().getItems()).extracting(PublicPlan::name)
            .doesNotContain("乙のプラン", "内部用プラン");
    }

    @Test
    void an_unknown_organisation_or_one_without_giving_shows_a_friendly_not_found_text() {
        tenants().createWithout("pub-ui-nogiving", "hub_network", org.tomoni.platform.tenancy.Module.GIVING);
        for (String slug : List.of("no-such-org", "pub-ui-nogiving")) {
            PublicSignupView view = open(slug);
            assertThat(view.notFound.isVisible()).as(slug).isTrue();
            assertThat(view.notFound.getText()).isEqualTo("お探しの団体の寄付ページは見つかりませんでした。URLをお確かめください。");
            assertThat(view.formStep.isVisible()).isFalse();
            assertThat(view.header.organization.getText()).isEmpty();
        }
        assertThat(open("pub-ui-a").notFound.isVisible()).isFalse();
    }

    @Test
    void too_many_sign_ups_from_one_address_ask_the_visitor_to_wait_and_create_nothing() {
        PublicGiving giving = context.getBean(PublicGiving.class);
        for (int i = 0; i < 5; i++) {
            assertThat(giving.throttled("pub-ui-a", address, null)).isEmpty();
        }
        PublicSignupView view = open("pub-ui-a");
        fill(view, "多数", "申込", "throttled@example.jp", "1234567");
        _click(view.toConfirm);
        _click(view.submit);
        assertThat(view.thanksStep.isVisible()).isFalse();
        assertThat(view.confirmError.getText()).matches("短時間にお申し込みが続いたため、\\d+分ほど待ってからもう一度お試しください。");
        assertThat(view.submit.isEnabled()).as("the visitor may try again later").isTrue();
        assertThat(giftsOf(a, "多数 申込")).isEmpty();
    }

    @Test
    void the_donor_page_shows_the_gift_and_changes_units_pauses_resumes_and_cancels_after_confirmation() {
        SignupResponse created = signUp(a, "変更", "太郎", "taro-change@example.jp", 3);
        DonorGiftView view = openGift(token(a, created.id()));
        assertThat(view.invalid.isVisible()).isFalse();
        assertThat(view.header.organization.getText()).isEqualTo("pub-ui-a の会");
        assertThat(value("donor-gift-number")).isEqualTo(String.valueOf(created.giftNumber()));
        assertThat(value("donor-name")).isEqualTo("変更 太郎 様");
        assertThat(value("donor-plan")).isEqualTo("マンスリーサポーター（300円／口・毎月）");
        assertThat(value("donor-units-value")).isEqualTo("3口");
        assertThat(value("donor-amount")).isEqualTo("毎月 900円");
        assertThat(value("donor-status")).isEqualTo("有効");
        assertThat(value("donor-method")).isEqualTo("口座振替");
        assertThat(value("donor-account")).isEqualTo("銀行コード 0001・支店コード 123・普通 ****567・ﾍﾝｺｳ ﾀﾛｳ");
        assertThat(view.details.getElement().getTextRecursively()).doesNotContain("1234567");
        assertThat(view.pause.isVisible()).isTrue();
        assertThat(view.resume.isVisible()).as("resume only for a paused gift").isFalse();

        view.units.setValue(5);
        _click(view.changeUnits);
        assertThat(value("donor-units-value")).isEqualTo("5口");
        assertThat(value("donor-amount")).isEqualTo("毎月 1,500円");
        assertThat(view.message.getText()).isEqualTo("口数を5口に変更しました。確認のメールをお送りしました。");

        view.units.setValue(0);
        _click(view.changeUnits);
        assertThat(view.units.isInvalid()).isTrue();
        assertThat(view.units.getErrorMessage()).isNotBlank();
        assertThat(value("donor-units-value")).isEqualTo("5口");

        _click(view.pause);
        assertThat(value("donor-status")).isEqualTo("休止中");
        assertThat(view.statusNote.getText()).isEqualTo("ご寄付は休止中です。再開されるまでお引き落としはありません。");
        assertThat(view.pause.isVisible()).isFalse();
        assertThat(view.resume.isVisible()).isTrue();
        _click(view.resume);
        assertThat(value("donor-status")).isEqualTo("有効");
        assertThat(view.resume.isVisible()).isFalse();

        _click(view.cancel);
        _fireCancel(_get(ConfirmDialog.class));
        assertThat(value("donor-status")).as("nothing happens without the confirmation").isEqualTo("有効");
        assertThat(gift(a, created.id()).status()).isEqualTo("active");
        _click(view.cancel);
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(value("donor-status")).isEqualTo("解約");
        assertThat(view.message.getText()).isEqualTo("ご寄付を解約しました。これまでのご支援に心より感謝申し上げます。");
        assertThat(view.cancel.isVisible()).isFalse();
        assertThat(view.pause.isVisible()).isFalse();
        assertThat(view.unitsSection.isVisible()).isFalse();

        GiftView stored = gift(a, created.id());
        assertThat(stored.status()).isEqualTo("cancelled");
        assertThat(stored.units()).isEqualTo(5);
    }

    @Test
    void an_invalid_or_altered_link_shows_the_invalid_link_text_and_nothing_of_the_gift() {
        SignupResponse created = signUp(a, "無効", "次郎", "jiro-invalid@example.jp", 1);
        String token = token(a, created.id());
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of("garbage", "a.b", altered)) {
            DonorGiftView view = openGift(bad);
            assertThat(view.invalid.isVisible()).as(bad).isTrue();
            assertThat(view.invalid.getText()).isEqualTo("このリンクは無効か、有効期限が切れています。");
            assertThat(view.content.isVisible()).isFalse();
            assertThat(view.header.organization.getText()).isEmpty();
        }
        assertThat(openGift(token).invalid.isVisible()).as("the genuine link works").isFalse();
    }

    @Test
    void the_public_pages_need_no_login_and_never_show_the_staff_menu_even_to_a_signed_in_admin() {
        SignupResponse created = signUp(a, "公開", "三郎", "saburo-public@example.jp", 1);
        String donorPath = "public/gift/" + token(a, created.id());
        UI.getCurrent().navigate("public/pub-ui-a/donate");
        assertThat(currentPath()).isEqualTo("public/pub-ui-a/donate");
        assertThat(UiSession.actor()).isEmpty();
        _get(PublicSignupView.class);
        _assertNone(MainLayout.class);
        _assertNone(SideNav.class);
        UI.getCurrent().navigate(donorPath);
        assertThat(currentPath()).isEqualTo(donorPath);
        _get(DonorGiftView.class);
        _assertNone(MainLayout.class);

        signInAdmin("pub-ui-a");
        _get(MainLayout.class);
        UI.getCurrent().navigate("public/pub-ui-a/donate");
        _get(PublicSignupView.class);
        _assertNone(MainLayout.class);
        _assertNone(SideNav.class);
        UI.getCurrent().navigate(donorPath);
        _get(DonorGiftView.class);
        _assertNone(MainLayout.class);
    }

    @Test
    void an_organisation_whose_id_is_gift_still_has_its_donation_page() {
        TestTenant gift = tenants().create("gift", "membership_organization");
        plan(gift, "ギフトの会のプラン", 500, "monthly", null, true);
        UI.getCurrent().navigate("public/gift/donate");
        PublicSignupView view = _get(PublicSignupView.class);
        assertThat(view.header.organization.getText()).isEqualTo("gift の会");
        assertThat(view.plan.getListDataView().getItems()).extracting(PublicPlan::name).containsExactly("ギフトの会のプラン");
    }

    @Test
    void the_staff_routes_still_send_a_signed_out_visitor_to_the_login() {
        for (String route : List.of("giving/plans", "giving/gifts", "giving/runs", "people", "")) {
            UI.getCurrent().navigate(route);
            assertThat(currentPath()).as(route).isEqualTo("login");
            _get(LoginView.class);
        }
    }

    @Test
    void a_public_route_inside_the_staff_frame_or_also_marked_allowed_is_refused() {
        RouteConfiguration.forSessionScope().setRoute("framed-public", FramedPublicView.class, MainLayout.class);
        RouteConfiguration.forSessionScope().setRoute("ambiguous-public", AmbiguousPublicView.class);
        RouteConfiguration.forSessionScope().setRoute("plain-public", PlainPublicView.class);
        UI.getCurrent().navigate("plain-public");
        _get(PlainPublicView.class);
        for (String route : List.of("framed-public", "ambiguous-public")) {
            UI.getCurrent().navigate(route);
            _get(NotFoundView.class);
            _assertNone(FramedPublicView.class);
            _assertNone(AmbiguousPublicView.class);
        }
        signInAdmin("pub-ui-a");
        UI.getCurrent().navigate("framed-public");
        _get(NotFoundView.class);
        _assertNone(FramedPublicView.class);
    }

    @Test
    void the_public_pages_speak_english_when_the_visitor_chooses_it() {
        PublicSignupView view = open("pub-ui-a");
        assertThat(view.toConfirm.getText()).isEqualTo("確認する");
        view.header.choose(Locale.ENGLISH);
        assertThat(view.toConfirm.getText()).isEqualTo("Review");
        assertThat(view.bankCode.getLabel()).isEqualTo("Bank code");
        view.plan.setValue(planItem(view, supporter));
        view.units.setValue(3);
        assertThat(view.total.getText()).isEqualTo("¥900 monthly");
        PublicSignupView again = open("pub-ui-a");
        assertThat(again.submit.getText()).as("the choice lasts for the visit").isEqualTo("Sign up");

        assertThat(openGift("garbage").invalid.getText()).isEqualTo("This link is invalid or has expired.");
    }

    /** A public page placed in the staff frame by mistake. */
    @PublicRoute(Capability.PUBLIC)
    public static class FramedPublicView extends Div {
    }

    /** A route that claims to be both public and for signed-in users. */
    @PublicRoute(Capability.PUBLIC)
    @Allowed(Capability.SIGNED_IN)
    public static class AmbiguousPublicView extends Div {
    }

    /** A well-formed public route. */
    @PublicRoute(Capability.PUBLIC)
    public static class PlainPublicView extends Div {
    }

    private PublicSignupView open(String slug) {
        UI.getCurrent().navigate("public/" + slug + "/donate");
        return _get(PublicSignupView.class);
    }

    private DonorGiftView openGift(String token) {
        UI.getCurrent().navigate("public/gift/" + token);
        return _get(DonorGiftView.class);
    }

    private static PublicPlan planItem(PublicSignupView view, PlanView plan) {
        return view.plan.getListDataView().getItems().filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow();
    }

    private void fill(PublicSignupView view, String family, String given, String email, String accountNumber) {
        view.plan.setValue(planItem(view, supporter));
        view.donor.familyName.setValue(family);
        view.donor.givenName.setValue(given);
        view.donor.familyNameKana.setValue(kana(family));
        view.donor.givenNameKana.setValue(kana(given));
        view.donor.email.setValue(email);
        view.donor.phone.setValue("090-1234-5678");
        view.donor.postalCode.setValue("100-0001");
        view.donor.prefecture.setValue("東京都");
        view.donor.city.setValue("千代田区");
        view.donor.addressLine1.setValue("千代田1-1");
        view.donor.addressLine2.setValue("ともにビル101");
        view.bankCode.setValue("0001");
        view.branchCode.setValue("123");
        view.accountType.setValue(1);
        view.accountNumber.setValue(accountNumber);
        view.accountHolderKana.setValue(kana(family) + " " + kana(given));
    }

    private static String kana(String name) {
        return switch (name) {
            case "一度" -> "いちど";
            case "花子" -> "はなこ";
            case "口座" -> "こうざ";
            case "誤り" -> "あやまり";
            case "多数" -> "たすう";
            case "申込" -> "もうしこみ";
            case "変更" -> "へんこう";
            case "太郎" -> "たろう";
            case "無効" -> "むこう";
            case "次郎" -> "じろう";
            case "公開" -> "こうかい";
            case "三郎" -> "さぶろう";
            default -> "てすと";
        };
    }

    private SignupResponse signUp(TestTenant tenant, String family, String given, String email, int units) {
        PlanView plan = supporter;
        return context.getBean(PublicGiving.class).signUp(tenant.slug(), UUID.randomUUID().toString(), new SignupRequest(plan.id().toString(),
            units, new DonorRequest(family, given, kana(family), kana(given), email, null, null, null, null, null, null),
            new PaymentRequest("direct_debit", "0001", "123", 1, "1234567", kana(family) + " " + kana(given), null))).orThrow();
    }

    private String token(TestTenant tenant, UUID giftId) {
        return context.getBean(DonorLinks.class).token(tenant.id(), giftId);
    }

    private List<GiftView> giftsOf(TestTenant tenant, String donorName) {
        return context.getBean(RecurringGifts.class).list(tenant.admin(), null, PageRequest.of(0, 100)).orThrow().items().stream()
            .filter(g -> donorName.equals(g.donorName())).toList();
    }

    private GiftView gift(TestTenant tenant, UUID id) {
        return context.getBean(RecurringGifts.class).get(tenant.admin(), id).orThrow();
    }

    private PlanView plan(TestTenant tenant, String name, long unitAmount, String interval, String purpose, boolean published) {
        return context.getBean(GiftPlans.class).create(tenant.admin(), new PlanRequest(name, unitAmount, interval, purpose, published)).orThrow();
    }

    private static String value(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
