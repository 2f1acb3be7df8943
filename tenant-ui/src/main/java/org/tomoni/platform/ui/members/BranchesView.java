package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.BranchView;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Branches (支部) with their people and organisations; tenant admins add them, open one from its
 * row to rename it, and delete one nobody is in any more (after a confirmation; the domain refuses
 * while people or organisations are still in it, and the message says how many).
 */
@Route(value = "branches", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class BranchesView extends ListView<BranchView> {
    final BranchForm form = new BranchForm();
    /** The result of the last save or delete (replaces the previous one). */
    final Span message = new Span();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<BranchView>> columns = new LinkedHashMap<>();
    private final Branches branches;
    private final Messages messages;
    private final boolean canEdit;
    private BranchView editing;

    BranchesView(Branches branches, Messages messages) {
        super("branches.title", "branches.empty");
        this.branches = branches;
        this.messages = messages;
        canEdit = UiSession.allows(Capability.MEMBERS_SETTINGS);
        form.addSaveListener(e -> save(e.value()));
        form.addCancelListener(e -> startNew());
        form.delete.addClickListener(e -> {
            if (editing != null) {
                confirmDelete(editing);
            }
        });
        form.setVisible(canEdit);
        message.setId("branches-message");
        columns.put("name", grid.addColumn(BranchView::name).setAutoWidth(true));
        columns.put("nameKana", grid.addColumn(BranchView::nameKana).setAutoWidth(true));
        columns.put("people", grid.addColumn(BranchView::peopleCount).setAutoWidth(true));
        columns.put("organizations", grid.addColumn(BranchView::organizationCount).setAutoWidth(true));
        grid.addItemClickListener(e -> {
            if (canEdit) {
                edit(e.getItem());
            }
        });
        add(title, form, message, grid);
        localize();
        reload();
    }

    /** Opens a branch from its row: the form shows it to rename or delete. */
    void edit(BranchView branch) {
        editing = branch;
        FieldErrors.clear(form.fields());
        form.edit(branch);
    }

    /** Back to adding: the branch being edited stays as stored. */
    void startNew() {
        editing = null;
        FieldErrors.clear(form.fields());
        form.clear();
        grid.deselectAll();
    }

    /** Adds a branch, or saves the one being edited (with its version; its notes are kept). */
    void save(BranchRequest typed) {
        Outcome<BranchView> outcome = editing == null ? branches.create(UiSession.require(), typed)
            : branches.update(UiSession.require(), editing.id(), editing.version(),
                new BranchRequest(typed.name(), typed.nameKana(), editing.notes()));
        if (outcome instanceof Outcome.Rejected<BranchView> r) {
            if (r.code() == ErrorCode.VERSION_CONFLICT) {
                message.setText(getTranslation("branches.conflict"));
                return;
            }
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        BranchView saved = ((Outcome.Ok<BranchView>) outcome).value();
        message.setText(getTranslation(editing == null ? "branches.added" : "branches.saved", saved.name()));
        startNew();
        reload();
    }

    /** Deleting takes the branch off every list for good, so it asks first. */
    ConfirmDialog confirmDelete(BranchView branch) {
        ConfirmDialog dialog = Confirmations.of("branch-delete-confirm", getTranslation("branches.delete.header"),
            getTranslation("branches.delete.text", branch.name()), getTranslation("branches.delete"), getTranslation("branches.delete.back"),
            () -> delete(branch));
        dialog.open();
        return dialog;
    }

    void delete(BranchView branch) {
        Outcome<Void> outcome = branches.archive(UiSession.require(), branch.id());
        if (outcome instanceof Outcome.Rejected<Void> r) {
            if (r.code() == ErrorCode.IN_USE) {
                BranchView now = branches.get(UiSession.require(), branch.id()) instanceof Outcome.Ok<BranchView> ok ? ok.value() : branch;
                message.setText(getTranslation("branches.inUse", branch.name(), now.peopleCount(), now.organizationCount()));
            } else {
                message.setText(messages.get(r.code().messageKey(), getLocale()));
            }
            return;
        }
        message.setText(getTranslation("branches.deleted", branch.name()));
        startNew();
        reload();
    }

    private void reload() {
        items(branches.all(UiSession.require()));
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("branches.title"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("branches." + key)));
    }
}
