package org.tomoni.platform.mail;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.mail.OutboxStatus.FAILED;
import static org.tomoni.platform.mail.OutboxStatus.PENDING;
import static org.tomoni.platform.mail.OutboxStatus.SENT;
import static org.tomoni.platform.mail.OutboxStatus.UNSENT;
import static org.tomoni.platform.schema.Tables.OUTBOX;

class OutboxStatusTest {
    @Test
    void a_pending_mail_is_sent_unsent_failed_or_tried_again() {
        assertThat(PENDING.canBecome(SENT)).isTrue();
        assertThat(PENDING.canBecome(UNSENT)).isTrue();
        assertThat(PENDING.canBecome(FAILED)).isTrue();
        assertThat(PENDING.canBecome(PENDING)).as("a failed attempt before the last").isTrue();
    }

    @Test
    void a_sent_unsent_or_failed_mail_never_moves_again() {
        for (OutboxStatus end : Set.of(SENT, UNSENT, FAILED)) {
            for (OutboxStatus next : OutboxStatus.values()) {
                assertThat(end.canBecome(next)).as(end + " → " + next).isFalse();
            }
        }
    }

    @Test
    void sent_and_unsent_mails_are_pruned_while_pending_and_failed_ones_stay() {
        assertThat(Arrays.stream(OutboxStatus.values()).filter(OutboxStatus::prunable)).containsExactlyInAnyOrder(SENT, UNSENT);
    }

    @Test
    void the_codes_are_exactly_those_the_check_of_outbox_status_allows() {
        String check = OUTBOX.getChecks().stream().filter(c -> c.getName().equals("outbox_status_check")).findFirst().orElseThrow()
            .condition().toString();
        Matcher m = Pattern.compile("'([a-z_]+)'::text").matcher(check);
        Set<String> allowed = new java.util.HashSet<>();
        while (m.find()) {
            allowed.add(m.group(1));
        }
        assertThat(Arrays.stream(OutboxStatus.values()).map(OutboxStatus::code).collect(Collectors.toSet())).isEqualTo(allowed);
        assertThat(OutboxStatus.fromCode("pending")).contains(PENDING);
        assertThat(OutboxStatus.fromCode("queued")).isEmpty();
    }
}
