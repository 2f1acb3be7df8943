package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypeView;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.organizations.OrganizationRequest;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.Pickers.Party;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations as members and donors from the screens (issue 12): a member hub enrolled from the
 * memberships view (one picker of people and organisations, labelled) and from its own form, in
 * Japanese and English (the co-op donor: {@code giving.OrganisationDonorScreensIT}).
 */
@MicronautTest(transactional = false)
class OrganisationMembersScreensIT extends ViewTest {
    TestTenant hubs;

    @BeforeAll
    void someTenants() {
        hubs = tenants().create("org-screens-hubs", "hub_network");
        MembershipTypes types = context.getBean(MembershipTypes.class);
        types.create(hubs.admin(), new MembershipTypeRequest("正会員（団体）", 12000L, "yearly", false, "organization", null)).orThrow();
        types.create(hubs.admin(), new MembershipTypeRequest("賛助会員", 5000L, "yearly", true, "both", null)).orThrow();
        types.create(hubs.admin(), new MembershipTypeRequest("個人会員", 3000L, "yearly", false, "person", null)).orThrow();
        org(hubs, "NPO法人 びーのびーの", "エヌピーオーホウジン ビーノビーノ", "npo");
        org(hubs, "子育てひろば ぽかぽか", "コソダテヒロバ ポカポカ", "npo");
        context.getBean(People.class).create(hubs.admin(), PersonRequest.basic("井上", "真理子", "イノウエ", "マリコ", null, null, null, null,
            null, null, null, null, null)).orThrow();
    }

    @Test
    void a_member_hub_is_enrolled_from_the_memberships_view_with_one_picker_of_people_and_organisations_labelled_as_such() {
        signInAdmin("org-screens-hubs");
        UI.getCurrent().navigate(MembershipsView.class);
        MembershipsView view = _get(MembershipsView.class);
        ComboBox<Party> member = view.membershipForm.member;
        assertThat(member.getLabel()).isEqualTo("会員（個人または団体）");
        setUserInput(member, "イノウエ");
        assertThat(getSuggestions(member)).containsExactly("個人｜井上 真理子（イノウエ マリコ）");
        setUserInput(member, "ビーノ");
        assertThat(getSuggestions(member)).containsExactly("団体｜NPO法人 びーのびーの");
        member.setValue(getSuggestionItems(member).get(0));
        assertThat(names(getSuggestionItems(view.membershipForm.newType))).as("the types for organisations and for both, not the personal one")
            .containsExactly("正会員（団体）", "賛助会員");
        view.membershipForm.newType.setValue(type(view.membershipForm.newType, "正会員（団体）"));
        view.membershipForm.units.setValue(1);
        _click(view.membershipForm.addMembership);
        assertThat(view.membershipMessage.getText()).startsWith("会員資格を追加しました");
        assertThat(_findAll(view.memberships)).extracting(MembershipView::memberName, MembershipView::typeName)
            .contains(org.assertj.core.groups.Tuple.tuple("NPO法人 びーのびーの", "正会員（団体）"));

        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        try {
            assertThat(member.getLabel()).isEqualTo("Member (person or organisation)");
            setUserInput(member, "ポカポカ");
            assertThat(getSuggestions(member)).containsExactly("Organisation | 子育てひろば ぽかぽか");
            setUserInput(member, "イノウエ");
            assertThat(getSuggestions(member)).containsExactly("Person | 井上 真理子（イノウエ マリコ）");
        } finally {
            UI.getCurrent().setLocale(UiI18n.JAPANESE);
        }
    }

    @Test
    void the_organisation_form_shows_its_memberships_and_enrols_it_in_english_and_japanese() {
        signInAdmin("org-screens-hubs");
        UI.getCurrent().navigate(OrganizationsView.class);
        OrganizationsView view = _get(OrganizationsView.class);
        assertThat(view.details.isVisible()).as("nothing opened yet").isFalse();
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        try {
            view.edit(find(view, "子育てひろば ぽかぽか"));
            assertThat(view.details.isVisible()).isTrue();
            assertThat(view.orgMemberships.getEmptyStateText()).startsWith("This organisation has no membership.");
            assertThat(names(getSuggestionItems(view.enrolType))).containsExactly("正会員（団体）", "賛助会員");
            view.enrolType.setValue(type(view.enrolType, "賛助会員"));
            view.enrolUnits.setValue(2);
            _click(view.enrol);
            assertThat(view.enrolMessage.getText()).startsWith("子育てひろば ぽかぽか is now a member on \"賛助会員\" (member number ");
        } finally {
            UI.getCurrent().setLocale(UiI18n.JAPANESE);
        }
        assertThat(_findAll(view.orgMemberships)).extracting(MembershipView::typeName, MembershipView::units)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("賛助会員", 2));
        _click(view.enrol);
        assertThat(view.enrolMessage.getText()).as("no type chosen: the domain's reason, in Japanese").contains("会員種別：");
        view.enrolType.clear();
        _click(view.enrol);
        assertThat(view.enrolType.isInvalid()).isTrue();
        assertThat(_findAll(view.orgMemberships)).hasSize(1);
    }

    private static List<String> names(List<MembershipTypeView> types) {
        return types.stream().map(MembershipTypeView::name).toList();
    }

    private static MembershipTypeView type(com.vaadin.flow.component.select.Select<MembershipTypeView> select, String name) {
        return getSuggestionItems(select).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static OrganizationView find(OrganizationsView view, String name) {
        return _findAll(view.grid).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private void org(TestTenant t, String name, String kana, String kind) {
        context.getBean(Organizations.class).create(t.admin(), new OrganizationRequest(name, kana, kind, null, null, null, "2200011", "神奈川県",
            "横浜市西区", "高島2-19-12", null, null, null, null)).orThrow();
    }
}
