package org.tomoni.platform.ui.admin;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import org.tomoni.platform.access.Duty;
import org.tomoni.platform.identity.DutyAssignments;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.identity.UserView;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant admin's users: list, add with a role (a temporary password is shown once), reset a
 * password and deactivate (each after a confirmation naming the user; never oneself), reactivate,
 * and tick each user's duties (those of the modules the tenant has enabled).
 */
@Route(value = "users", layout = MainLayout.class)
@Allowed(Capability.USERS_MANAGE)
@Prototype
public class UsersView extends ListView<UserView> {
    final NewUserForm form = new NewUserForm();
    final Span message = new Span();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<UserView>> columns = new LinkedHashMap<>();
    private final UserManagement users;
    private final DutyAssignments duties;
    private final Messages messages;
    final List<Duty> grantable;

    UsersView(UserManagement users, DutyAssignments duties, Messages messages) {
        super("users.title", "users.empty");
        this.users = users;
        this.duties = duties;
        this.messages = messages;
        this.grantable = duties.grantable(UiSession.require());
        form.addSaveListener(e -> create(e.value()));
        message.setId("users-message");
        columns.put("username", grid.addColumn(UserView::username).setAutoWidth(true));
        // The e-mail (where a forgotten password's link goes) under the name: one column, not one more across the list.
        columns.put("displayName", grid.addComponentColumn(u -> {
            Span name = new Span(u.displayName());
            Span email = new Span(u.email() == null ? getTranslation("users.email.none") : u.email());
            email.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("overflow-wrap", "anywhere");
            VerticalLayout cell = new VerticalLayout(name, email);
            cell.setPadding(false);
            cell.setSpacing(false);
            return cell;
        }).setWidth("8em").setFlexGrow(1));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The role is changed where it is shown: one select per row, not a label and a second select in the actions.
        columns.put("role", grid.addComponentColumn(u -> {
            Select<Role> change = new Select<>();
            change.setItems(Role.TENANT_ADMIN, Role.STAFF, Role.READ_ONLY);
            change.setItemLabelGenerator(r -> getTranslation("role." + r.code()));
            change.setValue(Role.fromCode(u.role()).orElse(Role.STAFF));
            change.setAriaLabel(getTranslation("users.role"));
            change.setWidth("8.5em");
            change.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    changeRole(u, e.getValue());
                }
            });
            return change;
        }).setAutoWidth(true).setFlexGrow(0));
        columns.put("status", grid.addColumn(u -> getTranslation(!u.active() ? "users.inactive"
            : u.passwordTemporary() ? "users.activeTemporary" : "users.active")).setKey("status").setAutoWidth(true));
        grid.addComponentColumn(u -> {
            // Nobody deactivates themselves (the API refuses it too): their own row offers no such button.
            boolean self = u.id().equals(UiSession.require().userId());
            Button reset = new Button(getTranslation("users.reset"), e -> confirmResetPassword(u));
            reset.setId("user-reset-" + u.username());
            reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button deactivate = new Button(getTranslation("users.deactivate"), e -> confirmDeactivate(u));
            deactivate.setId("user-deactivate-" + u.username());
            deactivate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            deactivate.setVisible(u.active() && !self);
            Button reactivate = new Button(getTranslation("users.reactivate"), e -> reactivate(u));
            reactivate.setId("user-reactivate-" + u.username());
            reactivate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            reactivate.setVisible(!u.active());
            Button email = new Button(getTranslation("users.email.change"), e -> openEmail(u));
            email.setId("user-email-" + u.username());
            email.addThemeVariants(ButtonVariant.LUMO_SMALL);
            VerticalLayout actions = new VerticalLayout(reset, email, deactivate, reactivate);
            actions.setPadding(false);
            actions.setSpacing(false);
            actions.getStyle().set("gap", "var(--lumo-space-xs)");
            return actions;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        if (!grantable.isEmpty()) {
            columns.put("duties", grid.addComponentColumn(this::dutiesOf).setAutoWidth(true));
        }
        add(title, form, message, grid);
        localize();
        refresh();
    }

    void create(UserManagement.NewUser request) {
        Outcome<UserManagement.WithPassword> outcome = users.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Ok<UserManagement.WithPassword> ok) {
            FieldErrors.clear(form.fields());
            message.setText(getTranslation("users.created", ok.value().user().username(), ok.value().temporaryPassword()));
            form.clear();
            refresh();
        } else {
            FieldErrors.show((Outcome.Rejected<UserManagement.WithPassword>) outcome, form.fields(), messages, getLocale());
        }
    }

    /** Deactivation signs the user out at once, so it asks first, naming them. */
    ConfirmDialog confirmDeactivate(UserView user) {
        ConfirmDialog dialog = Confirmations.of("user-deactivate-confirm", getTranslation("users.deactivate.header"),
            getTranslation("users.deactivate.text", user.displayName(), user.username()), getTranslation("users.deactivate.confirm"),
            getTranslation("gifts.cancel.back"), () -> deactivate(user));
        dialog.open();
        return dialog;
    }

    /** A reset makes the current password useless at once, so it asks first, naming the user. */
    ConfirmDialog confirmResetPassword(UserView user) {
        ConfirmDialog dialog = Confirmations.of("user-reset-confirm", getTranslation("users.reset.header"),
            getTranslation("users.reset.text", user.displayName(), user.username()), getTranslation("users.reset.confirm"),
            getTranslation("gifts.cancel.back"), () -> resetPassword(user));
        dialog.open();
        return dialog;
    }

    /** The address a reset link goes to, set or cleared in a small dialog; the list shows it at once. */
    Dialog openEmail(UserView user) {
        Dialog dialog = new Dialog();
        dialog.setId("user-email-dialog");
        dialog.setHeaderTitle(getTranslation("users.email.header", user.displayName()));
        TextField field = new TextField(getTranslation("users.email"));
        field.setId("user-email-field");
        field.setHelperText(getTranslation("users.email.help"));
        field.setValue(user.email() == null ? "" : user.email());
        field.setWidth("22em");
        Button save = new Button(getTranslation("person.save"), e -> {
            Outcome<UserView> outcome = users.changeEmail(UiSession.require(), user.id(), field.getValue());
            if (outcome instanceof Outcome.Rejected<UserView> r) {
                FieldErrors.show(r, Map.of("email", field), messages, getLocale());
                return;
            }
            dialog.close();
            message.setText(getTranslation(field.getValue().isBlank() ? "users.email.cleared" : "users.email.saved", user.username()));
            refresh();
        });
        save.setId("user-email-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("gifts.cancel.back"), e -> dialog.close());
        dialog.add(field);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        return dialog;
    }

    void deactivate(UserView user) {
        Outcome<UserView> outcome = users.deactivate(UiSession.require(), user.id());
        message.setText(outcome.isOk() ? getTranslation("users.deactivated", user.username()) : refusal(outcome));
        refresh();
    }

    void reactivate(UserView user) {
        Outcome<UserView> outcome = users.reactivate(UiSession.require(), user.id());
        message.setText(outcome.isOk() ? getTranslation("users.reactivated", user.username()) : refusal(outcome));
        refresh();
    }

    /** The API's reason for a refusal, in the user's language (the field's message, else the error's). */
    private String refusal(Outcome<?> outcome) {
        Outcome.Rejected<?> r = (Outcome.Rejected<?>) outcome;
        return r.errors().isEmpty() ? messages.get(r.code().messageKey(), getLocale())
            : messages.get("field." + r.errors().get(0).code(), getLocale());
    }

    void resetPassword(UserView user) {
        Outcome<UserManagement.WithPassword> outcome = users.resetPassword(UiSession.require(), user.id(), null);
        message.setText(outcome instanceof Outcome.Ok<UserManagement.WithPassword> ok
            ? getTranslation("users.resetDone", user.username(), ok.value().temporaryPassword()) : getTranslation("person.forbidden"));
    }

    void changeRole(UserView user, Role role) {
        Outcome<UserView> outcome = users.changeRole(UiSession.require(), user.id(), role.code());
        message.setText(outcome.isOk() ? getTranslation("users.roleChanged", user.username(), getTranslation("role." + role.code()))
            : messages.get("field.last_admin", getLocale()));
        refresh();
    }

    /** The duties a tenant admin ticks per user (only those of the tenant's enabled modules); each tick saves at once. */
    private CheckboxGroup<Duty> dutiesOf(UserView user) {
        CheckboxGroup<Duty> box = new CheckboxGroup<>();
        box.setId("duties-" + user.username());
        box.setItems(grantable);
        box.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        box.setItemLabelGenerator(d -> getTranslation("duty." + d.code()));
        if (duties.get(UiSession.require(), user.id()) instanceof Outcome.Ok<DutyAssignments.Duties> ok) {
            box.setValue(ok.value().duties().stream().flatMap(c -> Duty.fromCode(c).stream()).collect(java.util.stream.Collectors.toSet()));
        }
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setDuties(user, e.getValue());
            }
        });
        return box;
    }

    void setDuties(UserView user, java.util.Set<Duty> chosen) {
        Outcome<DutyAssignments.Duties> outcome = duties.set(UiSession.require(), user.id(),
            new DutyAssignments.Duties(chosen.stream().sorted().map(Duty::code).toList()));
        message.setText(outcome.isOk() ? getTranslation("users.dutiesSaved", user.username()) : getTranslation("person.forbidden"));
    }

    private void refresh() {
        Outcome<Page<UserView>> page = users.list(UiSession.require(), PageRequest.of(0, PageRequest.MAX_SIZE));
        items(page instanceof Outcome.Ok<Page<UserView>> ok ? ok.value().items() : List.of());
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("users.title"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("users." + key)));
    }
}
