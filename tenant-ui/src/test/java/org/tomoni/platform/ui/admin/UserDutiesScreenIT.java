package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.access.Duty;
import org.tomoni.platform.identity.DutyAssignments;
import org.tomoni.platform.identity.UserView;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** In the users screen a tenant admin ticks a user's duties: only those of the tenant's enabled modules are offered. */
@MicronautTest(transactional = false)
class UserDutiesScreenIT extends ViewTest {
    TestTenant fund;

    @BeforeAll
    void fundAndOther() {
        fund = tenants().create("duties-fund", "children_fund");
        tenants().userToken(fund, "carer", Role.STAFF);
        tenants().create("duties-other", "other");
    }

    @Test
    void a_tenant_admin_ticks_the_funds_casework_for_a_user_and_it_is_saved() {
        signInAdmin("duties-fund");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        assertThat(view.grantable).containsExactly(Duty.CHILDFUND_CASEWORK);
        UserView carer = _findAll(view.grid).stream().filter(u -> u.username().equals("carer")).findFirst().orElseThrow();
        view.setDuties(carer, Set.of(Duty.CHILDFUND_CASEWORK));
        assertThat(view.message.getText()).isEqualTo("ユーザー「carer」の職務を保存しました。");
        UUID id = carer.id();
        assertThat(context.getBean(DutyAssignments.class).get(fund.admin(), id).orThrow().duties()).isEqualTo(List.of("childfund.casework"));
        view.setDuties(carer, Set.of());
        assertThat(context.getBean(DutyAssignments.class).get(fund.admin(), id).orThrow().duties()).isEmpty();
    }

    @Test
    void a_tenant_without_a_casework_module_is_offered_no_duties() {
        signInAdmin("duties-other");
        UI.getCurrent().navigate(UsersView.class);
        assertThat(_get(UsersView.class).grantable).isEmpty();
    }
}
