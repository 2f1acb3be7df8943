package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.MembershipTypeRequest;
import org.tomoni.platform.members.MembershipTypeView;
import org.tomoni.platform.members.MembershipTypes;
import org.tomoni.platform.members.MembershipView;
import org.tomoni.platform.members.Memberships;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.components.Pickers;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.List;

/** The fee schedule (membership types; admins change it) and the memberships, by status, with their end action. */
@Route(value = "memberships", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class MembershipsView extends VerticalLayout implements HasDynamicTitle {
    public final Grid<MembershipTypeView> types = new Grid<>();
    final TextField typeName = new TextField();
    final IntegerField fee = new IntegerField();
    final Select<String> period = new Select<>();
    final Select<String> memberKind = new Select<>();
    final Checkbox perUnit = new Checkbox();
    final Button addType = new Button();
    final Select<String> status = new Select<>();
    public final Grid<MembershipView> memberships = new Grid<>();
    final com.vaadin.flow.component.combobox.ComboBox<org.tomoni.platform.members.PersonView> member;
    final Select<MembershipTypeView> newType = new Select<>();
    final IntegerField units = new IntegerField();
    final Button addMembership = new Button();
    final com.vaadin.flow.component.html.Span membershipMessage = new com.vaadin.flow.component.html.Span();
    private final MembershipTypes membershipTypes;
    private final Memberships membershipService;
    private final Messages messages;

    MembershipsView(MembershipTypes membershipTypes, Memberships membershipService, Messages messages,
                    org.tomoni.platform.members.People people) {
        this.member = Pickers.person(people);
        this.membershipTypes = membershipTypes;
        this.membershipService = membershipService;
        this.messages = messages;
        typeName.setLabel(getTranslation("types.name"));
        fee.setLabel(getTranslation("types.fee"));
        period.setLabel(getTranslation("types.period"));
        period.setItems("monthly", "yearly", "once");
        period.setItemLabelGenerator(p -> getTranslation("period." + p));
        period.setValue("monthly");
        memberKind.setLabel(getTranslation("types.memberKind"));
        memberKind.setItems("person", "organization");
        memberKind.setItemLabelGenerator(k -> getTranslation("memberKind." + k));
        memberKind.setValue("person");
        perUnit.setLabel(getTranslation("types.perUnit"));
        addType.setText(getTranslation("organizations.add"));
        addType.addClickListener(e -> createType());
        HorizontalLayout typeForm = new HorizontalLayout(typeName, fee, period, memberKind, perUnit, addType);
        typeForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        typeForm.setVisible(UiSession.allows(Capability.MEMBERS_SETTINGS));
        types.addColumn(MembershipTypeView::name).setHeader(getTranslation("types.name")).setAutoWidth(true);
        types.addColumn(t -> UiFormat.yen(t.feeYen(), getLocale()) + (t.perUnit() ? getTranslation("types.perUnitSuffix") : ""))
            .setHeader(getTranslation("types.fee"));
        types.addColumn(t -> getTranslation("period." + t.period())).setHeader(getTranslation("types.period"));
        types.addColumn(t -> getTranslation("memberKind." + t.memberKind())).setHeader(getTranslation("types.memberKind"));
        types.addColumn(MembershipTypeView::activeMemberships).setHeader(getTranslation("types.active"));
        types.setAllRowsVisible(true);

        status.setLabel(getTranslation("memberships.status"));
        status.setItems("active", "lapsed", "ended");
        status.setItemLabelGenerator(s -> getTranslation("membership.status." + s));
        status.setValue("active");
        status.addValueChangeListener(e -> refreshMemberships());
        memberships.addColumn(m -> m.memberNumber() == null ? "" : m.memberNumber()).setHeader(getTranslation("people.memberNumber"));
        memberships.addColumn(MembershipView::memberName).setHeader(getTranslation("people.name")).setAutoWidth(true);
        memberships.addColumn(MembershipView::typeName).setHeader(getTranslation("types.name")).setAutoWidth(true);
        memberships.addColumn(MembershipView::units).setHeader(getTranslation("memberships.units"));
        memberships.addColumn(m -> UiFormat.yen(m.duesPerPeriod(), getLocale())).setHeader(getTranslation("memberships.dues"));
        memberships.addColumn(m -> UiFormat.date(m.startsOn(), getLocale())).setHeader(getTranslation("memberships.startsOn"));
        memberships.addComponentColumn(m -> {
            Button end = new Button(getTranslation("memberships.end"), e -> end(m));
            end.setVisible(!"ended".equals(m.status()) && UiSession.allows(Capability.PEOPLE_WRITE));
            return end;
        });
        memberships.setPageSize(LazyGrids.PAGE);
        member.setLabel(getTranslation("memberships.member"));
        member.setWidth("20em");
        newType.setLabel(getTranslation("types.name"));
        newType.setItemLabelGenerator(MembershipTypeView::name);
        units.setLabel(getTranslation("memberships.units"));
        units.setValue(1);
        units.setMin(1);
        addMembership.setText(getTranslation("memberships.add"));
        addMembership.addClickListener(e -> createMembership());
        HorizontalLayout membershipForm = new HorizontalLayout(member, newType, units, addMembership);
        membershipForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        membershipForm.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        add(new H2(getTranslation("memberships.title")), new H3(getTranslation("types.title")), typeForm, types,
            new H3(getTranslation("memberships.list")), membershipForm, membershipMessage, status, memberships);
        refreshTypes();
        refreshMemberships();
    }

    void createType() {
        Outcome<MembershipTypeView> outcome = membershipTypes.create(UiSession.require(), new MembershipTypeRequest(typeName.getValue(),
            fee.getValue() == null ? null : fee.getValue().longValue(), period.getValue(), perUnit.getValue(), memberKind.getValue(), null));
        if (outcome instanceof Outcome.Rejected<MembershipTypeView> r) {
            r.errors().forEach(e -> {
                var field = "feeYen".equals(e.field()) ? (com.vaadin.flow.component.HasValidation) fee : typeName;
                field.setErrorMessage(messages.get("field." + e.code(), getLocale()));
                field.setInvalid(true);
            });
            return;
        }
        typeName.clear();
        fee.clear();
        refreshTypes();
    }

    void createMembership() {
        Outcome<MembershipView> outcome = membershipService.create(UiSession.require(), new org.tomoni.platform.members.MembershipRequest(
            member.getValue() == null ? null : member.getValue().id().toString(), null,
            newType.getValue() == null ? null : newType.getValue().id().toString(), units.getValue(), null, null));
        if (outcome instanceof Outcome.Rejected<MembershipView> r) {
            membershipMessage.setText(r.errors().stream().map(e -> getTranslation("memberships.field." + e.field()) + "："
                + messages.get("field." + e.code(), getLocale())).collect(java.util.stream.Collectors.joining(" ")));
            return;
        }
        membershipMessage.setText(getTranslation("memberships.added", ((Outcome.Ok<MembershipView>) outcome).value().memberNumber()));
        member.clear();
        refreshMemberships();
        refreshTypes();
    }

    void end(MembershipView m) {
        membershipService.end(UiSession.require(), m.id(), null);
        refreshMemberships();
        refreshTypes();
    }

    private void refreshTypes() {
        Outcome<Page<MembershipTypeView>> o = membershipTypes.list(UiSession.require(), PageRequest.of(0, PageRequest.MAX_SIZE));
        List<MembershipTypeView> items = o instanceof Outcome.Ok<Page<MembershipTypeView>> ok ? ok.value().items() : List.of();
        types.setItems(items);
        newType.setItems(items.stream().filter(t -> "person".equals(t.memberKind())).toList());
    }

    void refreshMemberships() {
        String s = status.getValue();
        LazyGrids.bind(memberships, request -> page(s, request));
    }

    private Page<MembershipView> page(String s, PageRequest request) {
        Outcome<Page<MembershipView>> o = membershipService.list(UiSession.require(), null, s, null, null, null, request);
        return o instanceof Outcome.Ok<Page<MembershipView>> ok ? ok.value() : new Page<>(List.of(), 0, 0, request.size());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("memberships.title");
    }
}
