package org.tomoni.platform.tenancy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.schema.Tables.TENANTS;

class TenantStatusTest {
    @Test
    void an_active_tenant_can_be_suspended_and_a_suspended_one_reactivated() {
        assertThat(TenantStatus.ACTIVE.canBecome(TenantStatus.SUSPENDED)).isTrue();
        assertThat(TenantStatus.SUSPENDED.canBecome(TenantStatus.ACTIVE)).isTrue();
    }

    @Test
    void no_status_moves_to_itself() {
        assertThat(TenantStatus.ACTIVE.canBecome(TenantStatus.ACTIVE)).isFalse();
        assertThat(TenantStatus.SUSPENDED.canBecome(TenantStatus.SUSPENDED)).isFalse();
    }

    @Test
    void only_an_active_tenant_admits_logins() {
        assertThat(TenantStatus.ACTIVE.admitsLogins()).isTrue();
        assertThat(TenantStatus.SUSPENDED.admitsLogins()).isFalse();
    }

    @Test
    void codes_are_read_back_and_an_unknown_one_is_none() {
        assertThat(TenantStatus.fromCode("active")).contains(TenantStatus.ACTIVE);
        assertThat(TenantStatus.fromCode("suspended")).contains(TenantStatus.SUSPENDED);
        assertThat(TenantStatus.fromCode("Active")).isEmpty();
        assertThat(TenantStatus.fromCode(null)).isEmpty();
    }

    @Test
    void the_codes_are_exactly_those_the_check_of_tenants_status_allows() {
        String check = TENANTS.getChecks().stream().filter(c -> c.getName().equals("tenants_status_check")).findFirst().orElseThrow()
            .condition().toString();
        assertThat(Arrays.stream(TenantStatus.values()).map(TenantStatus::code).collect(Collectors.toSet())).isEqualTo(codes(check));
    }

    /** The quoted codes of a generated {@code status = ANY (ARRAY['a'::text, …])} check. */
    static java.util.Set<String> codes(String check) {
        Matcher m = Pattern.compile("'([a-z_]+)'::text").matcher(check);
        java.util.Set<String> codes = new java.util.HashSet<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).as("codes in " + check).isNotEmpty();
        return codes;
    }
}
