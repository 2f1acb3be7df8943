package org.tomoni.platform.members.memberships;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.members.memberships.MembershipStatus.ACTIVE;
import static org.tomoni.platform.members.memberships.MembershipStatus.ENDED;
import static org.tomoni.platform.members.memberships.MembershipStatus.LAPSED;

class MembershipStatusTest {

    @Test
    void an_active_membership_may_lapse_or_end() {
        assertThat(ACTIVE.canBecome(LAPSED)).isTrue();
        assertThat(ACTIVE.canBecome(ENDED)).isTrue();
        assertThat(ACTIVE.canBecome(ACTIVE)).as("staying is no move").isFalse();
    }

    @Test
    void a_lapsed_membership_may_become_active_again_or_end() {
        assertThat(LAPSED.canBecome(ACTIVE)).isTrue();
        assertThat(LAPSED.canBecome(ENDED)).isTrue();
        assertThat(LAPSED.canBecome(LAPSED)).isFalse();
    }

    @Test
    void an_ended_membership_stays_ended() {
        assertThat(ENDED.canBecome(ACTIVE)).isFalse();
        assertThat(ENDED.canBecome(LAPSED)).isFalse();
        assertThat(ENDED.canBecome(ENDED)).isFalse();
        assertThat(ENDED.next()).isEmpty();
    }

    @Test
    void codes_are_what_the_table_stores_and_read_back() {
        assertThat(Arrays.stream(MembershipStatus.values()).map(MembershipStatus::code)).containsExactly("active", "lapsed", "ended");
        for (MembershipStatus s : MembershipStatus.values()) {
            assertThat(MembershipStatus.of(s.code())).isEqualTo(s);
        }
    }

    @Test
    void the_codes_equal_the_status_check_of_the_memberships_table() throws IOException {
        assertThat(checkList("db/migration/V20261123_1110__members_memberships.sql", "status"))
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(MembershipStatus.values()).map(MembershipStatus::code).toList());
    }

    @Test
    void the_event_kinds_equal_the_kind_check_of_the_events_table() throws IOException {
        assertThat(checkList("db/migration/V20261203_2200__members_membership_events_structured.sql", "kind"))
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(MembershipEventKind.values()).map(MembershipEventKind::code).toList());
    }

    @Test
    void entering_a_status_by_an_update_is_the_event_named_after_it() {
        assertThat(MembershipEventKind.entering(LAPSED)).isEqualTo(MembershipEventKind.LAPSED);
        assertThat(MembershipEventKind.entering(ACTIVE)).isEqualTo(MembershipEventKind.ACTIVE);
        assertThat(MembershipEventKind.entering(ENDED)).isEqualTo(MembershipEventKind.ENDED);
    }

    /** The codes of {@code CHECK (<column> IN ('a', 'b'))} in a migration on the classpath. */
    static List<String> checkList(String migration, String column) throws IOException {
        try (InputStream in = MembershipStatusTest.class.getClassLoader().getResourceAsStream(migration)) {
            assertThat(in).as(migration).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("CHECK \\(" + column + " IN \\(([^)]*)\\)\\)").matcher(sql);
            assertThat(m.find()).as("a CHECK on " + column + " in " + migration).isTrue();
            return Arrays.stream(m.group(1).split(",")).map(String::strip).map(c -> c.replace("'", "")).toList();
        }
    }
}
