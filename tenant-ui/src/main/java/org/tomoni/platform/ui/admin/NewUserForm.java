package org.tomoni.platform.ui.admin;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.shared.Role;

import java.util.Map;

/**
 * The create-user form: username, display name and role, bound to one {@link Draft} by a
 * {@link Binder}. It knows no facade: add is a {@link BoundForm.SaveEvent}, and the view that listens calls
 * the domain and shows its errors on {@link #fields()}.
 */
class NewUserForm extends BoundForm<HorizontalLayout, UserManagement.NewUser> {
    /** What the form holds, as typed; a new user is staff unless chosen otherwise. */
    static final class Draft {
        String username = "";
        String displayName = "";
        String email = "";
        Role role = Role.STAFF;
    }

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final TextField email = new TextField();
    final Select<Role> role = new Select<>();
    final Button add = new Button();
    private final Binder<Draft> binder = new Binder<>();

    NewUserForm() {
        binder.forField(username).bind(d -> d.username, (d, v) -> d.username = v);
        binder.forField(displayName).bind(d -> d.displayName, (d, v) -> d.displayName = v);
        binder.forField(email).bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(role).bind(d -> d.role, (d, v) -> d.role = v);
        role.setItems(Role.TENANT_ADMIN, Role.STAFF, Role.READ_ONLY);
        username.setId("new-user-username");
        displayName.setId("new-user-display-name");
        email.setId("new-user-email");
        role.setId("new-user-role");
        add.setId("new-user-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> fireSave());
        getContent().add(username, displayName, email, role, add);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        binder.readBean(new Draft());
        relabel();
    }

    /** Empties the names for the next user; the role kept. */
    void clear() {
        Draft next = new Draft();
        next.role = role.getValue();
        binder.readBean(next);
    }

    /** What the form shows, as typed (the domain, not the form, judges it); the password is generated. */
    UserManagement.NewUser request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new UserManagement.NewUser(d.username, d.displayName, d.role == null ? null : d.role.code(), null, d.email);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("username", username, "displayName", displayName, "email", email, "role", role);
    }

    @Override
    public UserManagement.NewUser value() {
        return request();
    }

    @Override
    protected void relabel() {
        username.setLabel(getTranslation("users.username"));
        displayName.setLabel(getTranslation("users.displayName"));
        email.setLabel(getTranslation("users.email"));
        email.setHelperText(getTranslation("users.email.help"));
        role.setLabel(getTranslation("users.role"));
        role.setItemLabelGenerator(r -> getTranslation("role." + r.code()));
        add.setText(getTranslation("users.add"));
    }
}
