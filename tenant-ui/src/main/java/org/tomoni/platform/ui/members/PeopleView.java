package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.branches.BranchView;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PeopleFilter;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * People of the tenant: a lazy grid in gojuon order with a search box and filters; the "archived"
 * filter lists the archived people instead, and opening one offers to bring them back.
 */
@Route(value = "people", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class PeopleView extends ListView<PersonView> {
    final TextField search = new TextField();
    final Button create = new Button();
    final Span count = new Span();
    final ComboBox<BranchView> branch = new ComboBox<>();
    final Select<String> membership = new Select<>();
    final Select<String> flag = new Select<>();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<PersonView>> columns = new LinkedHashMap<>();
    private final People people;

    PeopleView(People people, Branches branches) {
        super("people.title", "people.none", "people.empty", false);
        this.people = people;
        branch.setId("people-branch");
        branch.setItems(branches.all(UiSession.require()));
        branch.setItemLabelGenerator(BranchView::name);
        branch.setClearButtonVisible(true);
        branch.addValueChangeListener(e -> refresh());
        membership.setId("people-membership");
        membership.setItems("", "active", "lapsed", "ended");
        membership.setValue("");
        membership.addValueChangeListener(e -> refresh());
        flag.setId("people-flag");
        flag.setItems("", "newsletterConsent", "noPostalMail", "noEmail", "deceased", "archived");
        flag.setValue("");
        flag.addValueChangeListener(e -> refresh());
        setSizeFull();
        search.setId("people-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("24em");
        search.addValueChangeListener(e -> refresh());
        create.setId("people-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonFormView.class, "new")));
        create.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        count.setId("people-count");
        grid.setId("people-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        columns.put("memberNumber", grid.addColumn(p -> p.memberNumber() == null ? "" : p.memberNumber()).setAutoWidth(true));
        columns.put("name", grid.addColumn(PersonView::fullName).setAutoWidth(true));
        columns.put("kana", grid.addColumn(p -> p.familyNameKana() + " " + p.givenNameKana()).setAutoWidth(true));
        columns.put("phone", grid.addColumn(p -> JapaneseText.formatPhone(p.phone())).setAutoWidth(true));
        columns.put("email", LazyGrids.breakable(grid, PersonView::email).setAutoWidth(true));
        columns.put("prefecture", grid.addColumn(PersonView::prefecture).setAutoWidth(true));
        HorizontalLayout filters = new HorizontalLayout(search, branch, membership, flag, create);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        add(title, filters, count, grid);
        expand(grid);
        localize();
        refresh();
    }

    /** Opens a person's form; an archived person (the "archived" filter) is offered back to the lists instead. */
    void open(PersonView p) {
        if (archivedShown()) {
            if (UiSession.allows(Capability.PEOPLE_WRITE)) {
                confirmRestore(p);
            }
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(PersonFormView.class, p.id().toString()));
    }

    ConfirmDialog confirmRestore(PersonView p) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("person-restore-confirm");
        dialog.setHeader(getTranslation("people.restore.header"));
        dialog.setText(getTranslation("people.restore.text", p.fullName()));
        dialog.setConfirmText(getTranslation("people.restore"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("person.keep"));
        dialog.addConfirmListener(e -> restore(p));
        dialog.open();
        return dialog;
    }

    void restore(PersonView p) {
        if (people.restore(UiSession.require(), p.id()).isOk()) {
            FieldErrors.notify(getTranslation("people.restored", p.fullName()), NotificationVariant.LUMO_SUCCESS);
        } else {
            FieldErrors.notify(getTranslation("person.forbidden"), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private boolean archivedShown() {
        return "archived".equals(flag.getValue());
    }

    /** Loads lazily, page by page, through the members facade (tenant bound from the session's actor). */
    void refresh() {
        PeopleFilter filter = filter();
        query(request -> people.search(UiSession.require(), filter, request));
        countText();
    }

    /** 全12件, or that nobody matches. */
    private void countText() {
        PeopleFilter filter = filter();
        long total = LazyGrids.orEmpty(request -> people.search(UiSession.require(), filter, request), PageRequest.of(0, 1)).total();
        count.setText(total == 0 ? emptyText() : getTranslation("people.count", total));
    }

    private PeopleFilter filter() {
        return new PeopleFilter(search.getValue(), branch.getValue() == null ? null : branch.getValue().id(),
            flagged("newsletterConsent"), flagged("noPostalMail"), flagged("noEmail"), flagged("deceased"),
            membership.getValue() == null || membership.getValue().isEmpty() ? null : membership.getValue(), archivedShown() ? Boolean.TRUE : null);
    }

    /** A search or any filter narrows the list (an empty one then says to change them). */
    @Override
    protected boolean filtered() {
        return (search.getValue() != null && !search.getValue().isBlank()) || branch.getValue() != null
            || (membership.getValue() != null && !membership.getValue().isEmpty()) || (flag.getValue() != null && !flag.getValue().isEmpty());
    }

    private Boolean flagged(String name) {
        return name.equals(flag.getValue()) ? Boolean.TRUE : null;
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("people.title"));
        search.setPlaceholder(getTranslation("people.search"));
        create.setText(getTranslation("people.new"));
        branch.setPlaceholder(getTranslation("people.branch"));
        membership.setLabel(null);
        membership.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("people.membership.any") : getTranslation("membership.status." + v));
        flag.setItemLabelGenerator(v -> getTranslation(v.isEmpty() ? "people.flag.any" : "people.flag." + v));
        columns.forEach((key, column) -> column.setHeader(getTranslation("people." + key)));
        countText();
    }
}
