package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.combobox.ComboBox;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.List;

/** Searchable pickers of the tenant's people and organisations, loaded lazily as the user types. */
public final class Pickers {
    private Pickers() {
    }

    public static ComboBox<PersonView> person(People people) {
        ComboBox<PersonView> box = new ComboBox<>();
        box.setItemLabelGenerator(p -> p.fullName() + "（" + p.familyNameKana() + " " + p.givenNameKana() + "）");
        box.setItems(query -> {
            Outcome<Page<PersonView>> o = people.search(UiSession.require(), query.getFilter().orElse(""),
                new PageRequest(query.getOffset() / Math.max(1, query.getLimit()), Math.min(query.getLimit(), PageRequest.MAX_SIZE)));
            return (o instanceof Outcome.Ok<Page<PersonView>> ok ? ok.value().items() : List.<PersonView>of()).stream();
        });
        return box;
    }

    public static ComboBox<OrganizationView> organization(Organizations organizations) {
        ComboBox<OrganizationView> box = new ComboBox<>();
        box.setItemLabelGenerator(OrganizationView::name);
        box.setItems(query -> {
            Outcome<Page<OrganizationView>> o = organizations.search(UiSession.require(), query.getFilter().orElse(""), null, null,
                new PageRequest(query.getOffset() / Math.max(1, query.getLimit()), Math.min(query.getLimit(), PageRequest.MAX_SIZE)));
            return (o instanceof Outcome.Ok<Page<OrganizationView>> ok ? ok.value().items() : List.<OrganizationView>of()).stream();
        });
        return box;
    }
}
