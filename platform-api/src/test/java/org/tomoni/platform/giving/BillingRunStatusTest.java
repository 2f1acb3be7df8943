package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.schema.Tables;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.giving.BillingRunStatus.COMPLETED;
import static org.tomoni.platform.giving.BillingRunStatus.RUNNING;

class BillingRunStatusTest {
    @Test
    void a_running_run_can_only_complete() {
        assertThat(RUNNING.canBecome(COMPLETED)).isTrue();
        assertThat(RUNNING.canBecome(RUNNING)).isFalse();
    }

    @Test
    void a_completed_run_never_changes_again() {
        assertThat(COMPLETED.canBecome(RUNNING)).isFalse();
        assertThat(COMPLETED.canBecome(COMPLETED)).isFalse();
    }

    @Test
    void the_codes_are_the_ones_the_check_constraint_allows() {
        assertThat(StatusChecks.allowedCodes(Tables.BILLING_RUNS, "billing_runs_status_check"))
            .isEqualTo(Arrays.stream(BillingRunStatus.values()).map(BillingRunStatus::code).collect(Collectors.toSet()));
        assertThat(BillingRunStatus.of("completed")).isEqualTo(COMPLETED);
    }
}
