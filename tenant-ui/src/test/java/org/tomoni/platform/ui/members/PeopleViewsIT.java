package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;

import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The people list and form, in Japanese, on PostgreSQL, for two tenants. */
@MicronautTest(transactional = false)
class PeopleViewsIT extends ViewTest {
    TestTenant a;
    TestTenant b;
    PersonView other;

    @BeforeAll
    void people() {
        a = tenants().create("ui-a", "children_fund");
        b = tenants().create("ui-b", "grant_fund");
        People people = context.getBean(People.class);
        people.create(a.admin(), PersonRequest.basic("渡辺", "蓮", "わたなべ", "れん", null, null, null, null, null, null, null, null, null)).orThrow();
        people.create(a.admin(), PersonRequest.basic("安藤", "健", "アンドウ", "ケン", null, null, null, null, null, null, null, null, null)).orThrow();
        other = people.create(b.admin(), PersonRequest.basic("別", "組織", "ベツ", "ソシキ", null, null, null, null, null, null, null, null, null)).orThrow();
    }

    @Test
    void the_list_shows_the_tenants_people_in_gojuon_order_and_searches_by_kana() {
        signInAdmin("ui-a");
        PeopleView view = _get(PeopleView.class);
        List<PersonView> rows = _findAll(view.grid);
        assertThat(rows).extracting(PersonView::familyNameKana).containsSubsequence("アンドウ", "ワタナベ").doesNotContain("ベツ");
        view.search.setValue("わたなべ");
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(view.count.getText()).isEqualTo("全1件");
        view.search.setValue("該当なし");
        assertThat(view.count.getText()).isEqualTo("該当する会員はいません。検索語や絞り込みを変えてください。");
    }

    @Test
    void the_list_and_the_person_form_show_phone_and_postal_code_with_hyphens_while_the_digits_are_stored() {
        PersonView p = context.getBean(People.class).create(a.admin(), PersonRequest.basic("横浜", "港", "ヨコハマ", "ミナト", null, null,
            "0452223333", "2200011", "神奈川県", "横浜市西区", "高島1-1", null, null)).orThrow();
        assertThat(p.phone()).as("stored as typed digits").isEqualTo("0452223333");
        signInAdmin("ui-a");
        PeopleView view = _get(PeopleView.class);
        view.search.setValue("ヨコハマ");
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(view.grid, 0)).contains("045-222-3333")
            .doesNotContain("0452223333");

        UI.getCurrent().navigate(PersonFormView.class, p.id().toString());
        PersonFormView form = _get(PersonFormView.class);
        assertThat(form.editor.person.phone.getValue()).isEqualTo("045-222-3333");
        assertThat(form.editor.person.postalCode.getValue()).isEqualTo("220-0011");
        _click(form.editor.save);
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).orThrow().postalCode()).as("a save keeps the same number")
            .isEqualTo("2200011");
    }

    @Test
    void a_person_with_a_japanese_name_is_created_through_the_form() {
        signInAdmin("ui-a");
        UI.getCurrent().navigate(PersonFormView.class, "new");
        PersonFormView form = _get(PersonFormView.class);
        form.editor.person.familyName.setValue("山田");
        form.editor.person.givenName.setValue("花子");
        form.editor.person.familyNameKana.setValue("やまだ");
        form.editor.person.givenNameKana.setValue("はなこ");
        form.editor.person.postalCode.setValue("100-0001");
        form.editor.person.prefecture.setValue("東京都");
        _click(form.editor.save);
        assertThat(currentPath()).isEqualTo("people");
        PeopleView list = _get(PeopleView.class);
        list.search.setValue("ヤマダ");
        assertThat(_findAll(list.grid)).extracting(PersonView::fullName).containsExactly("山田 花子");
    }

    @Test
    void invalid_input_is_explained_in_japanese_next_to_the_field_and_nothing_is_saved() {
        signInAdmin("ui-a");
        UI.getCurrent().navigate(PersonFormView.class, "new");
        PersonFormView form = _get(PersonFormView.class);
        form.editor.person.familyName.setValue("検証");
        form.editor.person.givenName.setValue("太郎");
        form.editor.person.familyNameKana.setValue("Kensho");
        form.editor.person.postalCode.setValue("12");
        _click(form.editor.save);
        assertThat(currentPath()).startsWith("person");
        assertThat(form.editor.person.familyNameKana.isInvalid()).isTrue();
        assertThat(form.editor.person.familyNameKana.getErrorMessage()).isEqualTo("カタカナ（またはひらがな）で入力してください。");
        assertThat(form.editor.person.givenNameKana.getErrorMessage()).isEqualTo("入力してください。");
        assertThat(form.editor.person.postalCode.isInvalid()).isTrue();
        assertThat(form.editor.person.familyName.isInvalid()).isFalse();
    }

    @Test
    void another_tenants_person_opened_by_url_shows_not_found() {
        signInAdmin("ui-a");
        UI.getCurrent().navigate("person/" + other.id());
        _get(NotFoundView.class);
        signInAdmin("ui-b");
        UI.getCurrent().navigate("person/" + other.id());
        assertThat(_get(PersonFormView.class).editor.person.familyName.getValue()).isEqualTo("別");
    }

    @Test
    void a_stale_edit_is_explained_not_overwritten() {
        signInAdmin("ui-a");
        PersonView p = context.getBean(People.class).create(a.admin(),
            PersonRequest.basic("競合", "前", "キョウゴウ", "マエ", null, null, null, null, null, null, null, null, null)).orThrow();
        UI.getCurrent().navigate("person/" + p.id());
        PersonFormView form = _get(PersonFormView.class);
        context.getBean(People.class).update(a.admin(), p.id(), 0,
            PersonRequest.basic("競合", "先", "キョウゴウ", "サキ", null, null, null, null, null, null, null, null, null)).orThrow();
        form.editor.person.givenName.setValue("後");
        _click(form.editor.save);
        assertThat(currentPath()).startsWith("person");
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).orThrow().givenName()).isEqualTo("先");
    }

    @Test
    void the_list_filters_by_branch_and_membership_and_the_form_shows_the_persons_links() {
        var branches = context.getBean(org.tomoni.platform.members.branches.Branches.class);
        var branch = branches.create(a.admin(), new org.tomoni.platform.members.branches.BranchRequest("群馬支部", "グンマシブ", null)).orThrow();
        People people = context.getBean(People.class);
        PersonView parent = people.create(a.admin(), new PersonRequest("支部", "親", "シブ", "オヤ", null, null, null, null, null, null, null,
            null, null, null, branch.id().toString(), true, null, null, null, null)).orThrow();
        PersonView child = people.create(a.admin(), PersonRequest.basic("支部", "子", "シブ", "コ", null, null, null, null, null, null, null,
            null, null)).orThrow();
        context.getBean(org.tomoni.platform.members.links.Relationships.class).create(a.admin(), new org.tomoni.platform.members.links.RelationshipRequest(
            parent.id().toString(), child.id().toString(), "parent", "2012-08-03", null, null)).orThrow();
        var type = context.getBean(org.tomoni.platform.members.memberships.MembershipTypes.class).create(a.admin(),
            new org.tomoni.platform.members.memberships.MembershipTypeRequest("正会員", 1000L, "monthly", true, "person", null)).orThrow();
        context.getBean(org.tomoni.platform.members.memberships.Memberships.class).create(a.admin(), new org.tomoni.platform.members.memberships.MembershipRequest(
            parent.id().toString(), null, type.id().toString(), 2, "2026-04-01", null)).orThrow();

        signInAdmin("ui-a");
        PeopleView view = _get(PeopleView.class);
        view.branch.setValue(view.branch.getListDataView().getItems().filter(b -> b.name().equals("群馬支部")).findFirst().orElseThrow());
        assertThat(_findAll(view.grid)).extracting(PersonView::fullName).containsExactly("支部 親");
        view.branch.clear();
        view.membership.setValue("active");
        assertThat(_findAll(view.grid)).extracting(PersonView::fullName).containsExactly("支部 親");
        view.membership.setValue("");
        view.search.setValue("シブ");
        view.flag.setValue("newsletterConsent");
        assertThat(_findAll(view.grid)).extracting(PersonView::fullName).containsExactly("支部 親");
        view.flag.setValue("");
        assertThat(_findAll(view.grid)).hasSizeGreaterThan(1);

        UI.getCurrent().navigate("person/" + parent.id());
        PersonFormView form = _get(PersonFormView.class);
        List<String> lines = _findAll(form.links);
        assertThat(lines).anyMatch(l -> l.startsWith("支部 親 は 支部 子 の親（2012年8月3日"));
        assertThat(lines).anyMatch(l -> l.contains("正会員 × 2口（2,000円）有効"));

        var union = context.getBean(org.tomoni.platform.members.organizations.Organizations.class).create(a.admin(), new org.tomoni.platform.members.organizations.OrganizationRequest(
            "電機連合", "デンキレンゴウ", "union_federation", null, null, null, null, null, null, null, null, null, null, null)).orThrow();
        form.organization.setValue(union);
        form.role.setValue("組合員");
        _click(form.addAffiliation);
        assertThat(_findAll(form.links)).anyMatch(l -> l.startsWith("電機連合 組合員"));
        PersonView spouse = people.create(a.admin(), PersonRequest.basic("支部", "配偶者", "シブ", "ハイグウシャ", null, null, null, null, null, null,
            null, null, null)).orThrow();
        form.relatedPerson.setValue(spouse);
        form.relationKind.setValue("spouse");
        _click(form.addRelationship);
        assertThat(_findAll(form.links)).anyMatch(l -> l.equals("支部 親 と 支部 配偶者 は配偶者"));
        form.relatedPerson.setValue(spouse);
        _click(form.addRelationship);
        assertThat(form.linkMessage.getText()).isEqualTo("すでに使われています。");
    }

    @Test
    void read_only_users_see_the_list_but_cannot_create() {
        String ignored = tenants().userToken(a, "ui-viewer", Role.READ_ONLY);
        signIn("ui-a", "ui-viewer", org.tomoni.platform.testing.TestTenants.PASSWORD);
        assertThat(_get(PeopleView.class).create.isVisible()).isFalse();
        assertThat(ignored).isNotBlank();
    }

    @Test
    void the_language_switch_turns_the_screen_english() {
        signInAdmin("ui-a");
        MainLayout layout = _get(MainLayout.class);
        layout.language.setValue(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        PeopleView view = _get(PeopleView.class);
        assertThat(view.create.getText()).isEqualTo("New person");
        assertThat(layout.logout.getText()).isEqualTo("Sign out");
        assertThat(UiFormat.date(java.time.LocalDate.of(2026, 11, 23), Locale.JAPANESE)).isEqualTo("2026年11月23日");
        assertThat(UiFormat.yen(1234, Locale.JAPANESE)).isEqualTo("1,234円");
    }
}
