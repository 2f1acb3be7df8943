package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.Charges.ChargeView;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationRequest;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: a person's charges (with the run they came from) and money received, on the person's form. */
@MicronautTest(transactional = false)
class PersonGivingScreensIT extends ViewTest {
    TestTenant a;
    UUID runId;
    PersonView member;

    @BeforeAll
    void aMemberWithDues() {
        a = tenants().create("person-giving-ui", "membership_organization");
        member = context.getBean(People.class).create(a.admin(), PersonRequest.basic("会費", "花子", "カイヒ", "ハナコ", null, null, null, null,
            null, null, null, null, null)).orThrow();
        var type = context.getBean(MembershipTypes.class).create(a.admin(), new MembershipTypeRequest("月会費", 600L, "once", false, "person",
            null)).orThrow();
        context.getBean(Memberships.class).create(a.admin(), new MembershipRequest(member.id().toString(), null, type.id().toString(), 1,
            "2031-05-01", null)).orThrow();
        runId = context.getBean(BillingRuns.class).run(a.admin(), "2031-05").orThrow().id();
    }

    @Test
    void the_person_form_lists_the_persons_charges_and_donations() {
        context.getBean(Donations.class).create(a.admin(), new DonationRequest(member.id().toString(), 4000L, "2025-02-01", "cash", "donation",
            null, null)).orThrow();
        signInAdmin("person-giving-ui");
        UI.getCurrent().navigate(PersonFormView.class, member.id().toString());
        PersonFormView view = _get(PersonFormView.class);
        assertThat(view.charges.isVisible()).isTrue();
        assertThat(_findAll(view.charges.grid)).extracting(ChargeView::runId).containsExactly(runId);
        assertThat(_getFormatted(view.charges.grid, 0, "period")).isEqualTo("2031年5月");
        assertThat(view.donations.isVisible()).isTrue();
        assertThat(_findAll(view.donations.grid)).extracting(DonationView::amount).containsExactly(4000L);
        assertThat(_getFormatted(view.donations.grid, 0, "method")).isEqualTo("現金");
        assertThat(view.donations.title.getText()).isEqualTo("この方の寄付・会費の受領");
        assertThat(view.charges.title.getText()).isEqualTo("この方の請求");
        assertThat(_getFormatted(view.charges.grid, 0, "status")).startsWith("未収（振込待ち");
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        assertThat(view.charges.title.getText()).isEqualTo("This person's charges");
        assertThat(_getFormatted(view.charges.grid, 0, "kind")).isEqualTo("Fee");
        assertThat(view.donations.title.getText()).isEqualTo("This person's donations and fees received");
        UI.getCurrent().setLocale(UiI18n.JAPANESE);
    }

}
