package org.tomoni.platform.ui.publicpages;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.ClientAddress;

import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public sign-up page counts against the same public-form limits as the API, with the same
 * address rule: behind a trusted proxy the forwarded client, elsewhere the socket peer.
 */
@MicronautTest(transactional = false)
class PublicSignupBehindProxyIT extends ViewTest {
    TestTenant tenant;
    PlanView plan;
    String defaultAddress;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.security.trusted-proxies", "192.0.2.0/24",
            "platform.public-forms.limit-per-address", "2/10",
            "platform.public-forms.limit-per-email", "2/60");
    }

    @BeforeAll
    void tenantWithPlan() {
        tenant = tenants().create("pub-proxy", "membership_organization");
        plan = context.getBean(GiftPlans.class).create(tenant.admin(), new PlanRequest("月額", 500L, "monthly", null, true)).orThrow();
    }

    @AfterEach
    void socketAddressBack() {
        if (defaultAddress != null) {
            FakeHttpEnvironment.INSTANCE.setRemoteAddr(defaultAddress);
        }
    }

    /** The request as Jetty would see it: socket peer, and the X-Forwarded-For header (or none). */
    private void from(String socket, String forwardedFor) {
        if (defaultAddress == null) {
            defaultAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        }
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(socket);
        jakarta.servlet.ServletRequest current = (VaadinServletRequest) VaadinRequest.getCurrent();
        while (current instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        FakeRequest request = (FakeRequest) current;
        request.getHeaders().remove(ClientAddresses.HEADER);
        if (forwardedFor != null) {
            request.getHeaders().put(ClientAddresses.HEADER, List.of(forwardedFor));
        }
    }

    private PublicSignupView filled(String email) {
        UI.getCurrent().navigate("login");
        UI.getCurrent().navigate("public/pub-proxy/donate");
        PublicSignupView view = _get(PublicSignupView.class);
        view.plan.setValue(view.plan.getListDataView().getItems().filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow());
        view.donor.familyName.setValue("代理");
        view.donor.givenName.setValue("太郎");
        view.donor.familyNameKana.setValue("だいり");
        view.donor.givenNameKana.setValue("たろう");
        view.donor.email.setValue(email);
        view.donor.phone.setValue("090-1234-5678");
        view.donor.postalCode.setValue("100-0001");
        view.donor.prefecture.setValue("東京都");
        view.donor.city.setValue("千代田区");
        view.donor.addressLine1.setValue("千代田1-1");
        view.bankCode.setValue("0001");
        view.branchCode.setValue("123");
        view.accountType.setValue(1);
        view.accountNumber.setValue("7654321");
        view.accountHolderKana.setValue("ﾀﾞｲﾘ ﾀﾛｳ");
        _click(view.toConfirm);
        return view;
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_client_is_throttled_and_another_client_is_not() {
        from("192.0.2.10", "198.51.100.1, 203.0.113.5");
        assertThat(ClientAddress.of(context.getBean(ClientAddresses.class))).isEqualTo("203.0.113.5");
        PublicGiving giving = context.getBean(PublicGiving.class);
        for (int i = 0; i < 2; i++) {
            assertThat(giving.throttled("pub-proxy", "203.0.113.5", null)).isEmpty();
        }
        PublicSignupView blocked = filled("proxied-a@example.jp");
        _click(blocked.submit);
        assertThat(blocked.thanksStep.isVisible()).isFalse();
        assertThat(blocked.confirmError.getText()).contains("待って");

        from("192.0.2.10", "198.51.100.1, 203.0.113.6");
        PublicSignupView other = filled("proxied-b@example.jp");
        _click(other.submit);
        assertThat(other.thanksStep.isVisible()).as(other.confirmError.getText()).isTrue();
    }

    @Test
    void from_an_untrusted_peer_the_header_is_ignored_and_the_socket_address_counts() {
        from("198.51.100.77", "203.0.113.99");
        assertThat(ClientAddress.of(context.getBean(ClientAddresses.class))).isEqualTo("198.51.100.77");
    }

    @Test
    void one_email_address_is_limited_on_the_page_too() {
        PublicGiving giving = context.getBean(PublicGiving.class);
        for (int i = 0; i < 2; i++) {
            assertThat(giving.throttled("pub-proxy", "198.51.100." + (10 + i), new PublicGiving.SignupRequest(null, null,
                new PublicGiving.DonorRequest(null, null, null, null, "Often@example.jp", null, null, null, null, null, null), null))).isEmpty();
        }
        from("198.51.100.200", null);
        PublicSignupView view = filled("often@example.jp");
        _click(view.submit);
        assertThat(view.thanksStep.isVisible()).isFalse();
        assertThat(view.confirmError.getText()).contains("待って");
    }
}
