package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.schema.Tables;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.giving.DebitBatchStatus.CREATED;
import static org.tomoni.platform.giving.DebitBatchStatus.RECONCILED;

class DebitBatchStatusTest {
    @Test
    void a_created_batch_can_only_be_reconciled() {
        assertThat(CREATED.canBecome(RECONCILED)).isTrue();
        assertThat(CREATED.canBecome(CREATED)).isFalse();
    }

    @Test
    void a_reconciled_batch_is_never_reconciled_again() {
        assertThat(RECONCILED.canBecome(RECONCILED)).isFalse();
        assertThat(RECONCILED.canBecome(CREATED)).isFalse();
    }

    @Test
    void the_codes_are_the_ones_the_check_constraint_allows() {
        assertThat(StatusChecks.allowedCodes(Tables.DEBIT_BATCHES, "debit_batches_status_check"))
            .isEqualTo(Arrays.stream(DebitBatchStatus.values()).map(DebitBatchStatus::code).collect(Collectors.toSet()));
        assertThat(DebitBatchStatus.of("reconciled")).isEqualTo(RECONCILED);
    }
}
