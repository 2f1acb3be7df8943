package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.BranchView;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.members.links.RelationshipRequest;
import org.tomoni.platform.members.links.Relationships;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.PageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.organizations.OrganizationKind;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** Every record on the members screens can be opened, edited, left without saving and removed. */
@MicronautTest(transactional = false)
class DeadEndsScreensIT extends ViewTest {
    TestTenant a;
    TestTenant b;

    @BeforeAll
    void twoTenants() {
        a = tenants().create("deadends-a", "hub_network");
        b = tenants().create("deadends-b", "hub_network");
    }

    @Test
    void cancel_leaves_an_organisation_as_stored_and_new_starts_an_empty_form_that_adds_another() {
        signInAdmin("deadends-a");
        UI.getCurrent().navigate(OrganizationsView.class);
        OrganizationsView view = _get(OrganizationsView.class);
        assertThat(view.form.cancel.isVisible()).isFalse();
        view.form.name.setValue("取消の会");
        view.form.nameKana.setValue("トリケシノカイ");
        view.form.kind.setValue(OrganizationKind.OTHER);
        _click(view.form.add);
        view.search.setValue("トリケシ");

        view.edit(_findAll(view.grid).get(0));
        assertThat(view.form.cancel.isVisible()).isTrue();
        assertThat(view.form.add.getText()).isEqualTo("保存");
        view.form.name.setValue("保存しない名前");
        _click(view.form.cancel);
        assertThat(_findAll(view.grid)).extracting(OrganizationView::name).containsExactly("取消の会");
        assertThat(view.form.name.getValue()).isEmpty();
        assertThat(view.form.add.getText()).isEqualTo("追加");
        assertThat(view.form.cancel.isVisible()).isFalse();

        view.edit(_findAll(view.grid).get(0));
        assertThat(view.create.getText()).isEqualTo("新しい団体を登録");
        _click(view.create);
        assertThat(view.form.name.getValue()).isEmpty();
        assertThat(view.form.add.getText()).isEqualTo("追加");
        view.form.name.setValue("取消の会 二");
        view.form.nameKana.setValue("トリケシノカイ ニ");
        view.form.kind.setValue(OrganizationKind.NPO);
        _click(view.form.add);
        assertThat(_findAll(view.grid)).extracting(OrganizationView::name).containsExactlyInAnyOrder("取消の会", "取消の会 二");
    }

    private PersonView person(String given, String givenKana) {
        return context.getBean(People.class).create(a.admin(), PersonRequest.basic("行止", given, "ユキドマリ", givenKana, null, null, null,
            null, null, null, null, null, null)).orThrow();
    }

    private BranchView branchNamed(BranchesView view, String name) {
        return _findAll(view.grid).stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_branch_is_opened_from_its_row_renamed_and_deleted_only_once_nobody_is_in_it() {
        PersonView member = person("支部員", "シブイン");
        signInAdmin("deadends-a");
        UI.getCurrent().navigate(BranchesView.class);
        BranchesView view = _get(BranchesView.class);
        view.form.name.setValue("北支部");
        view.form.nameKana.setValue("きたしぶ");
        _click(view.form.add);
        assertThat(view.message.getText()).isEqualTo("支部「北支部」を追加しました。");
        assertThat(view.form.delete.isVisible()).isFalse();

        view.edit(branchNamed(view, "北支部"));
        assertThat(view.form.name.getValue()).isEqualTo("北支部");
        assertThat(view.form.add.getText()).isEqualTo("保存");
        view.form.name.setValue("北部支部");
        _click(view.form.add);
        assertThat(view.message.getText()).isEqualTo("支部「北部支部」を保存しました。");
        assertThat(_findAll(view.grid)).extracting(BranchView::name).contains("北部支部").doesNotContain("北支部");

        BranchView north = branchNamed(view, "北部支部");
        PersonView stored = context.getBean(People.class).get(a.admin(), member.id()).orThrow();
        context.getBean(People.class).update(a.admin(), stored.id(), stored.version(), new PersonRequest(stored.familyName(), stored.givenName(),
            stored.familyNameKana(), stored.givenNameKana(), null, null, null, null, null, null, null, null, null, null,
            north.id().toString(), null, null, null, null, null)).orThrow();
        view.edit(branchNamed(view, "北部支部"));
        _click(view.form.delete);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        _fireCancel(dialog);
        assertThat(context.getBean(Branches.class).get(a.admin(), north.id()).isOk()).isTrue();

        view.delete(branchNamed(view, "北部支部"));
        assertThat(view.message.getText()).isEqualTo("支部「北部支部」には会員1人・団体0件が所属しているため削除できません。先に会員・団体の支部を変更してください。");
        assertThat(context.getBean(Branches.class).get(a.admin(), north.id()).isOk()).isTrue();

        stored = context.getBean(People.class).get(a.admin(), member.id()).orThrow();
        context.getBean(People.class).update(a.admin(), stored.id(), stored.version(), PersonRequest.basic(stored.familyName(), stored.givenName(),
            stored.familyNameKana(), stored.givenNameKana(), null, null, null, null, null, null, null, null, null)).orThrow();
        view.edit(branchNamed(view, "北部支部"));
        _click(view.form.delete);
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(view.message.getText()).isEqualTo("支部「北部支部」を削除しました。");
        assertThat(_findAll(view.grid)).extracting(BranchView::name).doesNotContain("北部支部");
        assertThat(view.form.delete.isVisible()).isFalse();
    }

    @Test
    void another_tenants_branch_cannot_be_renamed_or_deleted_through_the_screen() {
        BranchView other = context.getBean(Branches.class).create(b.admin(), new BranchRequest("B の支部", "ビーノシブ", null)).orThrow();
        signInAdmin("deadends-a");
        UI.getCurrent().navigate(BranchesView.class);
        BranchesView view = _get(BranchesView.class);
        assertThat(_findAll(view.grid)).extracting(BranchView::name).doesNotContain("B の支部");
        view.edit(other);
        view.form.name.setValue("乗っ取り");
        _click(view.form.add);
        view.delete(other);
        assertThat(view.message.getText()).isEqualTo("見つかりません。");
        BranchView still = context.getBean(Branches.class).get(b.admin(), other.id()).orThrow();
        assertThat(still.name()).isEqualTo("B の支部");
    }

    @Test
    void a_person_is_put_in_a_branch_moved_and_taken_out_from_the_person_form() {
        Branches branches = context.getBean(Branches.class);
        BranchView east = branches.create(a.admin(), new BranchRequest("東支部", "ヒガシシブ", null)).orThrow();
        BranchView west = branches.create(a.admin(), new BranchRequest("西支部", "ニシシブ", null)).orThrow();
        PersonView p = person("移動", "イドウ");
        signInAdmin("deadends-a");

        UI.getCurrent().navigate("person/" + p.id());
        PersonFormView form = _get(PersonFormView.class);
        assertThat(form.editor.branch.getValue()).isNull();
        assertThat(form.editor.branch.getLabel()).isEqualTo("支部");
        form.editor.branch.setValue(form.editor.branch.getListDataView().getItems().filter(x -> x.id().equals(east.id())).findFirst().orElseThrow());
        _click(form.editor.save);
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).orThrow().branchId()).isEqualTo(east.id());

        UI.getCurrent().navigate("person/" + p.id());
        form = _get(PersonFormView.class);
        assertThat(form.editor.branch.getValue().name()).isEqualTo("東支部");
        form.editor.branch.setValue(form.editor.branch.getListDataView().getItems().filter(x -> x.id().equals(west.id())).findFirst().orElseThrow());
        _click(form.editor.save);
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).orThrow().branchId()).isEqualTo(west.id());

        UI.getCurrent().navigate("person/" + p.id());
        form = _get(PersonFormView.class);
        form.editor.branch.clear();
        _click(form.editor.save);
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).orThrow().branchId()).isNull();
    }

    @Test
    void a_person_is_archived_from_the_form_after_a_confirmation_and_shown_again_by_the_archived_filter() {
        PersonView p = person("退会", "タイカイ");
        signInAdmin("deadends-a");
        UI.getCurrent().navigate("person/" + p.id());
        PersonFormView form = _get(PersonFormView.class);
        assertThat(form.archive.isVisible()).isTrue();
        assertThat(form.archive.getText()).isEqualTo("アーカイブ");
        _click(form.archive);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(Confirmations.text(dialog)).startsWith("行止 退会 さんを会員一覧から外します。");
        _fireCancel(dialog);
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).isOk()).isTrue();

        form.confirmArchive();
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(currentPath()).isEqualTo("people");
        assertThat(context.getBean(People.class).get(a.admin(), p.id()).isOk()).isFalse();

        PeopleView list = _get(PeopleView.class);
        list.search.setValue("タイカイ");
        assertThat(_findAll(list.grid)).isEmpty();
        list.flag.setValue("archived");
        assertThat(_findAll(list.grid)).extracting(PersonView::fullName).containsExactly("行止 退会");
        list.open(_findAll(list.grid).get(0));
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(_findAll(list.grid)).isEmpty();
        list.flag.setValue("");
        assertThat(_findAll(list.grid)).extracting(PersonView::fullName).containsExactly("行止 退会");
    }

    @Test
    void the_new_person_form_offers_no_archive() {
        signInAdmin("deadends-a");
        UI.getCurrent().navigate("person/new");
        assertThat(_get(PersonFormView.class).archive.isVisible()).isFalse();
    }

    @Test
    void a_relationship_is_removed_from_the_person_form_after_a_confirmation() {
        PersonView parent = person("親", "オヤ");
        PersonView child = person("子", "コ");
        context.getBean(Relationships.class).create(a.admin(), new RelationshipRequest(parent.id().toString(), child.id().toString(),
            "parent", null, null, null)).orThrow();
        signInAdmin("deadends-a");
        UI.getCurrent().navigate("person/" + parent.id());
        PersonFormView form = _get(PersonFormView.class);
        assertThat(_findAll(form.links)).containsExactly("行止 親 は 行止 子 の親");
        var relationship = form.removable.get("行止 親 は 行止 子 の親");
        form.confirmRemove(relationship);
        _fireCancel(_get(ConfirmDialog.class));
        assertThat(_findAll(form.links)).hasSize(1);

        form.confirmRemove(relationship);
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(form.linkMessage.getText()).isEqualTo("関係を削除しました。");
        assertThat(_findAll(form.links)).isEmpty();
        assertThat(context.getBean(Relationships.class).list(a.admin(), parent.id(), PageRequest.of(0, 10)).orThrow().total()).isZero();
    }
}
