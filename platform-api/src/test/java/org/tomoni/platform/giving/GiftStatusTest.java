package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.GiftStatus.Action;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomoni.platform.giving.GiftStatus.ACTIVE;
import static org.tomoni.platform.giving.GiftStatus.CANCELLED;
import static org.tomoni.platform.giving.GiftStatus.ERROR;
import static org.tomoni.platform.giving.GiftStatus.PAUSED;

class GiftStatusTest {

    /** Every allowed move, written out; every other pair of statuses is refused. */
    private static final Set<String> ALLOWED = Set.of(
        "active→paused", "active→error", "active→cancelled",
        "paused→active", "paused→cancelled",
        "error→active", "error→error", "error→cancelled");

    @Test
    void the_codes_are_the_ones_the_check_of_recurring_gifts_status_allows() {
        assertThat(Arrays.stream(GiftStatus.values()).map(GiftStatus::code)).containsExactly("active", "paused", "error", "cancelled");
    }

    @Test
    void every_allowed_move_is_allowed() {
        assertThat(ACTIVE.canBecome(PAUSED)).isTrue();
        assertThat(ACTIVE.canBecome(ERROR)).isTrue();
        assertThat(ACTIVE.canBecome(CANCELLED)).isTrue();
        assertThat(PAUSED.canBecome(ACTIVE)).isTrue();
        assertThat(PAUSED.canBecome(CANCELLED)).isTrue();
        assertThat(ERROR.canBecome(ACTIVE)).isTrue();
        assertThat(ERROR.canBecome(ERROR)).isTrue();
        assertThat(ERROR.canBecome(CANCELLED)).isTrue();
    }

    @Test
    void every_other_move_is_refused() {
        assertThat(ACTIVE.canBecome(ACTIVE)).isFalse();
        assertThat(PAUSED.canBecome(PAUSED)).isFalse();
        assertThat(PAUSED.canBecome(ERROR)).isFalse();
        assertThat(ERROR.canBecome(PAUSED)).isFalse();
        assertThat(CANCELLED.canBecome(ACTIVE)).isFalse();
        assertThat(CANCELLED.canBecome(PAUSED)).isFalse();
        assertThat(CANCELLED.canBecome(ERROR)).isFalse();
        assertThat(CANCELLED.canBecome(CANCELLED)).isFalse();
    }

    @Test
    void the_table_of_moves_has_exactly_the_allowed_pairs() {
        Set<String> moves = new HashSet<>();
        for (GiftStatus from : GiftStatus.values()) {
            for (GiftStatus to : GiftStatus.values()) {
                if (from.canBecome(to)) {
                    moves.add(from.code() + "→" + to.code());
                }
            }
        }
        assertThat(moves).isEqualTo(ALLOWED);
    }

    @Test
    void pause_is_allowed_only_from_active() {
        assertThat(Action.PAUSE.from(ACTIVE)).contains(PAUSED);
        assertThat(Action.PAUSE.from(PAUSED)).isEmpty();
        assertThat(Action.PAUSE.from(ERROR)).isEmpty();
        assertThat(Action.PAUSE.from(CANCELLED)).isEmpty();
    }

    @Test
    void resume_is_allowed_from_paused_and_from_error() {
        assertThat(Action.RESUME.from(PAUSED)).contains(ACTIVE);
        assertThat(Action.RESUME.from(ERROR)).contains(ACTIVE);
        assertThat(Action.RESUME.from(ACTIVE)).isEmpty();
        assertThat(Action.RESUME.from(CANCELLED)).isEmpty();
    }

    @Test
    void cancel_is_allowed_from_every_status_but_cancelled() {
        assertThat(Action.CANCEL.from(ACTIVE)).contains(CANCELLED);
        assertThat(Action.CANCEL.from(PAUSED)).contains(CANCELLED);
        assertThat(Action.CANCEL.from(ERROR)).contains(CANCELLED);
        assertThat(Action.CANCEL.from(CANCELLED)).isEmpty();
    }

    @Test
    void no_action_puts_a_gift_into_error() {
        assertThat(Arrays.stream(Action.values()).map(Action::target)).doesNotContain(ERROR);
    }

    @Test
    void codes_are_read_back_and_unknown_codes_are_not() {
        assertThat(GiftStatus.of("paused")).contains(PAUSED);
        assertThat(GiftStatus.of("Paused")).isEmpty();
        assertThat(Action.of("resume")).contains(Action.RESUME);
        assertThat(Action.of("archive")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> GiftStatus.fromCode("lapsed")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_cancelled_closes_a_gift_to_changes() {
        assertThat(ACTIVE.isOpen()).isTrue();
        assertThat(PAUSED.isOpen()).isTrue();
        assertThat(ERROR.isOpen()).isTrue();
        assertThat(CANCELLED.isOpen()).isFalse();
    }
}
