package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.shell.UiI18n;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Empty lists say what to do next (issue 12), through the one {@code ListView}: with nothing yet,
 * how to add the first; with nothing matching, to change the search or filter; in Japanese and English.
 */
@MicronautTest(transactional = false)
class EmptyListsScreensIT extends ViewTest {

    @BeforeAll
    void anEmptyTenant() {
        tenants().create("empty-lists", "hub_network");
    }

    @Test
    void an_empty_people_list_says_to_add_or_import_and_a_search_without_match_says_to_change_it() {
        signInAdmin("empty-lists");
        UI.getCurrent().navigate(PeopleView.class);
        PeopleView view = _get(PeopleView.class);
        assertThat(view.count.getText()).isEqualTo("まだ会員がいません。『新規登録』で追加するか、『CSV取込・出力』で取り込んでください。");
        view.search.setValue("やまだ");
        assertThat(view.count.getText()).isEqualTo("該当する会員はいません。検索語や絞り込みを変えてください。");
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        try {
            assertThat(view.count.getText()).isEqualTo("No matching people. Change the search or the filters.");
            view.search.clear();
            assertThat(view.count.getText()).isEqualTo("No people yet. Add one with \"New person\" or import a file under \"CSV import / export\".");
        } finally {
            UI.getCurrent().setLocale(UiI18n.JAPANESE);
        }
    }

    @Test
    void empty_organisation_membership_and_branch_lists_say_what_to_do_next_in_both_languages() {
        signInAdmin("empty-lists");
        UI.getCurrent().navigate(OrganizationsView.class);
        OrganizationsView orgs = _get(OrganizationsView.class);
        assertThat(orgs.count.getText()).isEqualTo("まだ団体がありません。『新しい団体を登録』で追加してください。");
        orgs.search.setValue("ぽかぽか");
        assertThat(orgs.count.getText()).isEqualTo("該当する団体はありません。検索語を変えてください。");

        UI.getCurrent().navigate(MembershipsView.class);
        MembershipsView memberships = _get(MembershipsView.class);
        assertThat(_findAll(memberships.memberships)).isEmpty();
        assertThat(memberships.memberships.getEmptyStateText()).startsWith("まだ会員資格がありません。上の『会員資格を追加』で");
        memberships.status.setValue("ended");
        assertThat(memberships.memberships.getEmptyStateText()).isEqualTo("この状態の会員資格はありません。状態の絞り込みを変えてください。");
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        try {
            assertThat(memberships.memberships.getEmptyStateText()).isEqualTo("No memberships with this status. Choose another status.");
            memberships.status.setValue("active");
            assertThat(memberships.memberships.getEmptyStateText()).startsWith("No memberships yet. Choose a member (a person or an organisation)");
            UI.getCurrent().navigate(BranchesView.class);
            assertThat(_get(BranchesView.class).grid.getEmptyStateText()).startsWith("No branches yet. Enter a name and its reading above");
        } finally {
            UI.getCurrent().setLocale(UiI18n.JAPANESE);
        }
    }
}
