package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.People;
import org.tomoni.platform.members.PeopleFilter;
import org.tomoni.platform.members.PersonView;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

/** People of the tenant: a lazy grid in gojuon order with a search box. */
@Route(value = "people", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class PeopleView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {
    static final int PAGE = LazyGrids.PAGE;
    final TextField search = new TextField();
    public final Grid<PersonView> grid = new Grid<>();
    final Button create = new Button();
    final Span count = new Span();
    final com.vaadin.flow.component.combobox.ComboBox<org.tomoni.platform.members.BranchView> branch = new com.vaadin.flow.component.combobox.ComboBox<>();
    final com.vaadin.flow.component.select.Select<String> membership = new com.vaadin.flow.component.select.Select<>();
    final com.vaadin.flow.component.select.Select<String> flag = new com.vaadin.flow.component.select.Select<>();
    private final H2 title = new H2();
    private final People people;

    PeopleView(People people, org.tomoni.platform.members.Branches branches) {
        this.people = people;
        branch.setId("people-branch");
        branch.setItems(branches.all(UiSession.require()));
        branch.setItemLabelGenerator(org.tomoni.platform.members.BranchView::name);
        branch.setClearButtonVisible(true);
        branch.addValueChangeListener(e -> refresh());
        membership.setId("people-membership");
        membership.setItems("", "active", "lapsed", "ended");
        membership.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("people.membership.any") : getTranslation("membership.status." + v));
        membership.setValue("");
        membership.addValueChangeListener(e -> refresh());
        flag.setId("people-flag");
        flag.setItems("", "newsletterConsent", "noPostalMail", "noEmail", "deceased");
        flag.setItemLabelGenerator(v -> getTranslation(v.isEmpty() ? "people.flag.any" : "people.flag." + v));
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
        grid.setPageSize(PAGE);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonFormView.class, e.getItem().id().toString())));
        HorizontalLayout filters = new HorizontalLayout(search, branch, membership, flag, create);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(title, filters, count, grid);
        expand(grid);
        columns();
        refresh();
    }

    private void columns() {
        grid.removeAllColumns();
        grid.addColumn(p -> p.memberNumber() == null ? "" : p.memberNumber()).setHeader(getTranslation("people.memberNumber")).setAutoWidth(true);
        grid.addColumn(PersonView::fullName).setHeader(getTranslation("people.name")).setAutoWidth(true);
        grid.addColumn(p -> p.familyNameKana() + " " + p.givenNameKana()).setHeader(getTranslation("people.kana")).setAutoWidth(true);
        grid.addColumn(p -> JapaneseText.formatPhone(p.phone())).setHeader(getTranslation("people.phone")).setAutoWidth(true);
        grid.addColumn(PersonView::email).setHeader(getTranslation("people.email")).setAutoWidth(true);
        grid.addColumn(PersonView::prefecture).setHeader(getTranslation("people.prefecture")).setAutoWidth(true);
    }

    /** Loads lazily, page by page, through the members facade (tenant bound from the session's actor). */
    void refresh() {
        PeopleFilter filter = new PeopleFilter(search.getValue(), branch.getValue() == null ? null : branch.getValue().id(),
            flagged("newsletterConsent"), flagged("noPostalMail"), flagged("noEmail"), flagged("deceased"),
            membership.getValue() == null || membership.getValue().isEmpty() ? null : membership.getValue());
        long total = page(filter, PageRequest.of(0, 1)).total();
        count.setText(total == 0 ? getTranslation("people.empty") : getTranslation("people.count", total));
        LazyGrids.bind(grid, request -> page(filter, request));
    }

    private Boolean flagged(String name) {
        return name.equals(flag.getValue()) ? Boolean.TRUE : null;
    }

    private Page<PersonView> page(PeopleFilter filter, PageRequest request) {
        Outcome<Page<PersonView>> outcome = people.search(UiSession.require(), filter, request);
        return outcome instanceof Outcome.Ok<Page<PersonView>> ok ? ok.value() : new Page<>(java.util.List.of(), 0, 0, request.size());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("people.title"));
        search.setPlaceholder(getTranslation("people.search"));
        create.setText(getTranslation("people.new"));
        branch.setPlaceholder(getTranslation("people.branch"));
        membership.setLabel(null);
        columns();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title");
    }
}
