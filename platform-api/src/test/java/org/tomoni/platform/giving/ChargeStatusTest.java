package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.schema.Tables;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.giving.ChargeStatus.COLLECTED;
import static org.tomoni.platform.giving.ChargeStatus.FAILED;
import static org.tomoni.platform.giving.ChargeStatus.PENDING;
import static org.tomoni.platform.giving.ChargeStatus.SUBMITTED;

class ChargeStatusTest {
    @Test
    void a_pending_charge_can_be_submitted_collected_or_failed_and_nothing_else() {
        assertThat(allowed(PENDING)).containsExactlyInAnyOrder(SUBMITTED, COLLECTED, FAILED);
        assertThat(refused(PENDING)).containsExactly(PENDING);
    }

    @Test
    void a_submitted_charge_can_only_be_settled() {
        assertThat(allowed(SUBMITTED)).containsExactlyInAnyOrder(COLLECTED, FAILED);
        assertThat(refused(SUBMITTED)).containsExactlyInAnyOrder(PENDING, SUBMITTED);
    }

    @Test
    void a_settled_charge_never_changes_again() {
        assertThat(allowed(COLLECTED)).isEmpty();
        assertThat(allowed(FAILED)).isEmpty();
    }

    @Test
    void the_codes_are_the_ones_the_check_constraint_allows() {
        assertThat(StatusChecks.allowedCodes(Tables.CHARGES, "charges_status_check"))
            .isEqualTo(Arrays.stream(ChargeStatus.values()).map(ChargeStatus::code).collect(Collectors.toSet()));
        assertThat(ChargeStatus.of("failed")).isEqualTo(FAILED);
    }

    private static Set<ChargeStatus> allowed(ChargeStatus from) {
        return EnumSet.allOf(ChargeStatus.class).stream().filter(from::canBecome).collect(Collectors.toSet());
    }

    private static Set<ChargeStatus> refused(ChargeStatus from) {
        return EnumSet.allOf(ChargeStatus.class).stream().filter(s -> !from.canBecome(s)).collect(Collectors.toSet());
    }
}
