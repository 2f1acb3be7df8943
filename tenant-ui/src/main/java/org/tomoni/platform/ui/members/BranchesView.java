package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.BranchView;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.Map;

/** Branches (支部) with their people and organisations; tenant admins add them. */
@Route(value = "branches", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class BranchesView extends ListView<BranchView> {
    final BranchForm form = new BranchForm();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<BranchView>> columns = new LinkedHashMap<>();
    private final Branches branches;
    private final Messages messages;

    BranchesView(Branches branches, Messages messages) {
        super("branches.title", "branches.empty");
        this.branches = branches;
        this.messages = messages;
        form.addSaveListener(e -> create(e.value()));
        form.setVisible(UiSession.allows(Capability.MEMBERS_SETTINGS));
        columns.put("name", grid.addColumn(BranchView::name).setAutoWidth(true));
        columns.put("nameKana", grid.addColumn(BranchView::nameKana).setAutoWidth(true));
        columns.put("people", grid.addColumn(BranchView::peopleCount).setAutoWidth(true));
        columns.put("organizations", grid.addColumn(BranchView::organizationCount).setAutoWidth(true));
        add(title, form, grid);
        localize();
        items(branches.all(UiSession.require()));
    }

    void create(BranchRequest request) {
        Outcome<BranchView> outcome = branches.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<BranchView> r) {
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(form.fields());
        form.clear();
        items(branches.all(UiSession.require()));
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("branches.title"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("branches." + key)));
    }
}
