package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomoni.platform.giving.ReceiptStatus.ISSUED;
import static org.tomoni.platform.giving.ReceiptStatus.VOID;

class ReceiptStatusTest {

    @Test
    void the_codes_are_the_ones_the_check_of_receipts_status_allows() {
        assertThat(Arrays.stream(ReceiptStatus.values()).map(ReceiptStatus::code)).containsExactly("issued", "void");
    }

    @Test
    void an_issued_receipt_may_be_voided() {
        assertThat(ISSUED.canBecome(VOID)).isTrue();
    }

    @Test
    void every_other_move_is_refused() {
        assertThat(ISSUED.canBecome(ISSUED)).isFalse();
        assertThat(VOID.canBecome(ISSUED)).isFalse();
        assertThat(VOID.canBecome(VOID)).isFalse();
    }

    @Test
    void codes_are_read_back_and_unknown_codes_are_not() {
        assertThat(ReceiptStatus.of("void")).contains(VOID);
        assertThat(ReceiptStatus.of("cancelled")).isEmpty();
        assertThatThrownBy(() -> ReceiptStatus.fromCode("draft")).isInstanceOf(IllegalArgumentException.class);
    }
}
