package org.tomoni.platform.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockInstantiator;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.server.MicronautInstantiator;
import org.tomoni.platform.ui.shell.LoginView;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/**
 * Browserless view tests (Karibu-Testing): the views run against the real Micronaut context
 * and PostgreSQL, through Vaadin's mock servlet whose instantiator is Micronaut's.
 */
public abstract class ViewTest extends PlatformTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.tomoni.platform.ui");

    @BeforeEach
    void mockVaadin() {
        MockVaadinServlet servlet = new MockVaadinServlet(ROUTES, UI::new) {
            @Override
            protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
                MockService service = new MockService(this, configuration, UI::new) {
                    private Instantiator instantiator;

                    @Override
                    protected Instantiator createInstantiator() {
                        return getInstantiator();
                    }

                    @Override
                    public Instantiator getInstantiator() {
                        if (instantiator == null) {
                            instantiator = MockInstantiator.create(new MicronautInstantiator(this, context));
                        }
                        return instantiator;
                    }
                };
                service.init();
                ROUTES.register(service.getContext());
                return service;
            }
        };
        MockVaadin.setup(UI::new, servlet);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /** Signs in through the login view, as a user would. */
    protected void signIn(String organization, String username, String password) {
        UI.getCurrent().navigate(LoginView.class);
        _get(LoginView.class);
        _get(TextField.class, spec -> spec.withId("organization")).setValue(organization == null ? "" : organization);
        _get(TextField.class, spec -> spec.withId("username")).setValue(username);
        _get(PasswordField.class, spec -> spec.withId("password")).setValue(password);
        _click(_get(Button.class, spec -> spec.withId("login")));
    }

    protected void signInAdmin(String organization) {
        signIn(organization, "admin", TestTenants.PASSWORD);
    }

    protected String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }
}
