package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.BranchRequest;
import org.tomoni.platform.members.BranchView;
import org.tomoni.platform.members.Branches;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

/** Branches (支部) with their people and organisations; admins add them. */
@Route(value = "branches", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class BranchesView extends VerticalLayout implements HasDynamicTitle {
    public final Grid<BranchView> grid = new Grid<>();
    final TextField name = new TextField();
    final TextField nameKana = new TextField();
    final Button add = new Button();
    private final Branches branches;
    private final Messages messages;

    BranchesView(Branches branches, Messages messages) {
        this.branches = branches;
        this.messages = messages;
        name.setLabel(getTranslation("branches.name"));
        nameKana.setLabel(getTranslation("branches.nameKana"));
        add.setText(getTranslation("organizations.add"));
        add.addClickListener(e -> create());
        HorizontalLayout form = new HorizontalLayout(name, nameKana, add);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setVisible(UiSession.allows(Capability.MEMBERS_SETTINGS));
        grid.addColumn(BranchView::name).setHeader(getTranslation("branches.name")).setAutoWidth(true);
        grid.addColumn(BranchView::nameKana).setHeader(getTranslation("branches.nameKana")).setAutoWidth(true);
        grid.addColumn(BranchView::peopleCount).setHeader(getTranslation("branches.people"));
        grid.addColumn(BranchView::organizationCount).setHeader(getTranslation("branches.organizations"));
        add(new H2(getTranslation("branches.title")), form, grid);
        grid.setItems(branches.all(UiSession.require()));
    }

    void create() {
        Outcome<BranchView> outcome = branches.create(UiSession.require(), new BranchRequest(name.getValue(), nameKana.getValue(), null));
        if (outcome instanceof Outcome.Rejected<BranchView> r) {
            name.setErrorMessage(messages.get("field." + r.errors().get(0).code(), getLocale()));
            name.setInvalid(true);
            return;
        }
        name.setInvalid(false);
        name.clear();
        nameKana.clear();
        grid.setItems(branches.all(UiSession.require()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("branches.title");
    }
}
