package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class GiftEventKindTest {

    @Test
    void each_status_action_writes_the_line_of_its_own_name() {
        for (GiftStatus.Action action : GiftStatus.Action.values()) {
            assertThat(GiftEventKind.of(action).code()).isEqualTo(action.code());
        }
    }

    @Test
    void codes_are_read_back_and_unknown_codes_are_not() {
        assertThat(Arrays.stream(GiftEventKind.values()).map(GiftEventKind::code)).doesNotHaveDuplicates()
            .contains("created", "units", "debit_failed", "recovered");
        assertThat(GiftEventKind.of("debit_failed")).contains(GiftEventKind.DEBIT_FAILED);
        assertThat(GiftEventKind.of("detail")).isEmpty();
    }

    @Test
    void a_change_names_only_the_fields_it_touches() {
        assertThat(GiftChange.status(GiftStatus.PAUSED)).isEqualTo(new GiftChange("paused", null, null, null, null, null, null));
        assertThat(GiftChange.units(3)).isEqualTo(new GiftChange(null, 3, null, null, null, null, null));
        assertThat(GiftChange.debitFailed(1, true)).isEqualTo(new GiftChange("error", null, null, null, 1, true, null));
    }
}
