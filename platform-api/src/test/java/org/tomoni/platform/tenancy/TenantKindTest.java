package org.tomoni.platform.tenancy;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class TenantKindTest {

    @Test
    void every_kind_has_members_giving_events_partners_and_grants_and_only_its_own_kind_of_work() {
        EnumSet<Module> everyone = EnumSet.of(Module.MEMBERS, Module.GIVING, Module.EVENTS, Module.PARTNERS, Module.GRANTS);
        for (TenantKind kind : TenantKind.values()) {
            assertThat(kind.defaultModules()).as(kind.code()).containsAll(everyone);
        }
        assertThat(TenantKind.CHILDREN_FUND.defaultModules()).contains(Module.CHILDFUND).doesNotContain(Module.CONSULTATIONS);
        assertThat(TenantKind.CONSULTATION_CENTER.defaultModules()).contains(Module.CONSULTATIONS).doesNotContain(Module.CHILDFUND);
        for (TenantKind kind : EnumSet.of(TenantKind.HUB_NETWORK, TenantKind.GRANT_FUND, TenantKind.MEMBERSHIP_ORGANIZATION, TenantKind.OTHER)) {
            assertThat(kind.defaultModules()).as(kind.code()).isEqualTo(everyone);
        }
        assertThat(TenantSettings.defaultsFor(TenantKind.OTHER).enables(Module.GIVING)).isTrue();
    }
}
