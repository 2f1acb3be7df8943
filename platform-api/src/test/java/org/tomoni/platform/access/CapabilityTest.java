package org.tomoni.platform.access;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one list of capabilities and duties stays well-formed. */
class CapabilityTest {

    @Test
    void capability_codes_are_unique_and_read_module_dot_verb() {
        Set<String> codes = new HashSet<>();
        for (Capability c : Capability.values()) {
            assertThat(codes.add(c.code())).as("duplicate %s", c.code()).isTrue();
            assertThat(c.code()).as(c.name()).matches("public|signed_in|[a-z_]+\\.[a-z_]+");
            assertThat(Capability.fromCode(c.code())).contains(c);
        }
    }

    @Test
    void every_duty_grants_at_least_one_capability_and_belongs_to_a_module() {
        for (Duty d : Duty.values()) {
            assertThat(d.module()).as(d.code()).isNotNull();
            assertThat(Arrays.stream(Capability.values()).anyMatch(c -> c.duties().contains(d))).as(d.code()).isTrue();
            assertThat(Duty.fromCode(d.code())).contains(d);
        }
    }

    @Test
    void narrow_capabilities_belong_to_a_module_and_no_role_holds_them() {
        for (Capability c : Capability.values()) {
            if (c.narrowOnly()) {
                assertThat(c.module()).as(c.code()).isPresent();
                assertThat(c.roles()).isEmpty();
            }
        }
        assertThat(Capability.DONOR_GIFT_MANAGE.narrowOnly()).isTrue();
        assertThat(Capability.PUBLIC.narrowOnly()).isFalse();
    }

    @Test
    void tenant_capabilities_are_held_by_tenant_roles_only_and_platform_ones_by_platform_roles_only() {
        assertThat(Capability.PEOPLE_READ.tenantScoped()).isTrue();
        assertThat(Capability.USERS_MANAGE.tenantScoped()).isTrue();
        assertThat(Capability.TENANTS_ONBOARD.tenantScoped()).isFalse();
        for (Capability c : Capability.values()) {
            if (c.tenantScoped()) {
                assertThat(c.roles()).as(c.code()).noneMatch(Role::platformLevel);
            }
        }
    }
}
