package org.tomoni.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.ZenginCodes;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.members.OrganizationsView;
import org.tomoni.platform.ui.members.PersonFormView;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Postal code → address on the person form, the organisation form and the public sign-up page, and bank and branch
 * by name on the public page: typed codes fill only empty fields or offer candidates, never overwrite unasked.
 */
@MicronautTest(transactional = false)
class LookupScreensIT extends ViewTest {
    TestTenant a;

    @BeforeAll
    void aTenantWithAPublishedPlan() {
        a = tenants().create("lookup-a", "membership_organization");
        context.getBean(GiftPlans.class).create(a.admin(), new GiftPlans.PlanRequest("マンスリーサポーター", 300L, "monthly", null, true)).orThrow();
    }

    @Test
    void a_postal_code_typed_on_the_person_form_fills_the_empty_prefecture_city_and_town() {
        newPerson();
        _setValue(field("person-postalCode"), "２２０－００１１");
        assertThat(prefecture("person").getValue()).isEqualTo("神奈川県");
        assertThat(field("person-city").getValue()).isEqualTo("横浜市西区");
        assertThat(field("person-addressLine1").getValue()).isEqualTo("高島");
        assertThat(field("person-postalCode").getValue()).as("the code stays as typed").isEqualTo("２２０－００１１");
        assertThat(hint("person")).contains("郵便番号から住所を入れました");
        _assertNone(Button.class, spec -> spec.withId("person-address-choice-0"));
    }

    @Test
    void what_the_person_typed_is_never_overwritten_the_address_is_offered_and_a_choice_keeps_the_block_number() {
        newPerson();
        _setValue(field("person-city"), "川崎市");
        _setValue(field("person-addressLine1"), "高島2-1-1");
        _setValue(field("person-postalCode"), "2200011");
        assertThat(field("person-city").getValue()).isEqualTo("川崎市");
        assertThat(prefecture("person").getValue()).as("nothing is filled while a field says otherwise").isNull();
        assertThat(hint("person")).contains("違います");
        Button choice = _get(Button.class, spec -> spec.withId("person-address-choice-0"));
        assertThat(choice.getText()).isEqualTo("神奈川県 横浜市西区 高島");

        _click(choice);
        assertThat(prefecture("person").getValue()).isEqualTo("神奈川県");
        assertThat(field("person-city").getValue()).isEqualTo("横浜市西区");
        assertThat(field("person-addressLine1").getValue()).isEqualTo("高島2-1-1");
        _assertNone(Button.class, spec -> spec.withId("person-address-choice-0"));
    }

    @Test
    void a_code_with_towns_in_two_prefectures_offers_both_and_fills_the_one_chosen() {
        newPerson();
        _setValue(field("person-postalCode"), "498-0000");
        assertThat(prefecture("person").getValue()).isNull();
        assertThat(field("person-city").getValue()).isEmpty();
        assertThat(hint("person")).contains("2件");
        assertThat(_get(Button.class, spec -> spec.withId("person-address-choice-0")).getText()).isEqualTo("愛知県 弥富市");
        _click(_get(Button.class, spec -> spec.withId("person-address-choice-1")));
        assertThat(prefecture("person").getValue()).isEqualTo("三重県");
        assertThat(field("person-city").getValue()).isEqualTo("桑名郡木曽岬町");
    }

    @Test
    void an_unknown_postal_code_gives_a_gentle_hint_and_no_error() {
        newPerson();
        _setValue(field("person-city"), "どこか市");
        _setValue(field("person-postalCode"), "999-9999");
        assertThat(hint("person")).isEqualTo("郵便番号 999-9999 の住所は見つかりませんでした。住所をそのまま入力してください。");
        assertThat(field("person-postalCode").isInvalid()).isFalse();
        assertThat(field("person-city").getValue()).isEqualTo("どこか市");
    }

    @Test
    void a_postal_code_typed_on_the_organisation_form_fills_its_empty_address() {
        signInAdmin("lookup-a");
        UI.getCurrent().navigate(OrganizationsView.class);
        _get(OrganizationsView.class);
        _setValue(orgField("postalCode"), "100-0001");
        assertThat(prefecture("organization").getValue()).isEqualTo("東京都");
        assertThat(orgField("city").getValue()).isEqualTo("千代田区");
        assertThat(orgField("addressLine1").getValue()).isEqualTo("千代田");
    }

    @Test
    void on_the_public_page_a_postal_code_fills_the_address_and_a_bank_and_branch_found_by_name_fill_the_codes() {
        UI.getCurrent().navigate("public/lookup-a/donate");
        _setValue(field("donate-postalCode"), "1000001");
        assertThat(prefecture("donate").getValue()).isEqualTo("東京都");
        assertThat(field("donate-addressLine1").getValue()).isEqualTo("千代田");

        @SuppressWarnings("unchecked")
        ComboBox<ZenginCodes.Bank> bank = _get(ComboBox.class, spec -> spec.withId("donate-bank-search"));
        setUserInput(bank, "みずほ");
        assertThat(getSuggestions(bank)).first().isEqualTo("みずほ（0001）");
        _setValue(bank, getSuggestionItems(bank).get(0));
        assertThat(field("donate-bankCode").getValue()).isEqualTo("0001");
        assertThat(span("donate-bank-name")).isEqualTo("金融機関：みずほ");

        @SuppressWarnings("unchecked")
        ComboBox<ZenginCodes.Branch> branch = _get(ComboBox.class, spec -> spec.withId("donate-branch-search"));
        assertThat(branch.isEnabled()).isTrue();
        setUserInput(branch, "まるのうちちゅうおう");
        assertThat(getSuggestions(branch)).containsExactly("丸の内中央（004）");
        _setValue(branch, getSuggestionItems(branch).get(0));
        assertThat(field("donate-branchCode").getValue()).isEqualTo("004");
        assertThat(span("donate-branch-name")).isEqualTo("支店：丸の内中央");

        setUserInput(bank, "ゆうちょ");
        assertThat(getSuggestions(bank)).first().isEqualTo("ゆうちょ（9900）");

        fillDonor();
        _setValue(field("donate-accountNumber"), "1234567");
        _setValue(field("donate-accountHolderKana"), "ｹﾝｻｸ ﾊﾅｺ");
        _click(_get(Button.class, spec -> spec.withId("donate-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("donate-summary")).getElement().getTextRecursively())
            .contains("銀行コード 0001・支店コード 004（みずほ 丸の内中央）", "ｹﾝｻｸ ﾊﾅｺ");
    }

    @Test
    void typed_bank_codes_show_their_names_and_a_code_the_table_lacks_is_explained_but_not_refused() {
        UI.getCurrent().navigate("public/lookup-a/donate");
        _setValue(field("donate-bankCode"), "０００５");
        assertThat(span("donate-bank-name")).isEqualTo("金融機関：三菱ＵＦＪ");
        _setValue(field("donate-branchCode"), "999");
        assertThat(span("donate-branch-name")).startsWith("支店コード 999 は三菱ＵＦＪの支店一覧にありません");

        _setValue(field("donate-bankCode"), "9998");
        assertThat(span("donate-bank-name")).startsWith("銀行コード 9998 は当方の一覧にありません").contains("このまま申し込めます");
        assertThat(field("donate-bankCode").isInvalid()).isFalse();
        fillDonor();
        _setValue(field("donate-accountNumber"), "7654321");
        _setValue(field("donate-accountHolderKana"), "ｹﾝｻｸ ﾊﾅｺ");
        _click(_get(Button.class, spec -> spec.withId("donate-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("donate-summary")).isVisible()).as("the sign-up goes on to its confirmation").isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("donate-summary")).getElement().getTextRecursively())
            .contains("銀行コード 9998・支店コード 999");
    }

    @Test
    void the_giving_settings_name_the_bank_and_branch_of_the_codes_and_say_when_the_table_lacks_one() {
        signInAdmin("lookup-a");
        UI.getCurrent().navigate(org.tomoni.platform.ui.giving.GivingSettingsView.class);
        _setValue(field("settings-bankCode"), "0001");
        _setValue(field("settings-branchCode"), "001");
        assertThat(field("settings-bankCode").getHelperText()).isEqualTo("金融機関：みずほ");
        assertThat(field("settings-branchCode").getHelperText()).isEqualTo("支店：東京営業部");
        _setValue(field("settings-bankCode"), "9998");
        assertThat(field("settings-bankCode").getHelperText()).startsWith("銀行コード 9998 は金融機関の一覧にありません").contains("このまま保存できます");
        assertThat(field("settings-bankCode").isInvalid()).isFalse();
    }

    private void fillDonor() {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> plan = _get(RadioButtonGroup.class, spec -> spec.withId("donate-planId"));
        List<Object> plans = plan.getListDataView().getItems().toList();
        plan.setValue(plans.get(0));
        _setValue(field("donate-familyName"), "検索");
        _setValue(field("donate-givenName"), "花子");
        _setValue(field("donate-familyNameKana"), "けんさく");
        _setValue(field("donate-givenNameKana"), "はなこ");
        _get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withId("donate-email")).setValue("lookup-" + System.nanoTime() + "@example.jp");
    }

    private void newPerson() {
        signInAdmin("lookup-a");
        UI.getCurrent().navigate(PersonFormView.class, "new");
        _get(PersonFormView.class);
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static TextField orgField(String name) {
        return _get(TextField.class, spec -> spec.withId("organization-" + name));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> prefecture(String prefix) {
        return _get(ComboBox.class, spec -> spec.withId(prefix + "-prefecture"));
    }

    private static String hint(String prefix) {
        return span(prefix + "-address-hint");
    }

    private static String span(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
