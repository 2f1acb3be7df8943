package org.tomoni.platform.members.memberships;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-line detail the API still carries is rendered from the structure, in the shape the rows had as text. */
class MembershipEventTest {
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-01T00:00:00Z");

    @Test
    void each_kind_renders_its_changed_fields() {
        assertThat(event(MembershipEventKind.STARTED, null, new MembershipView.Fields(null, 3, null, null, "正会員")).detail())
            .isEqualTo("正会員 × 3");
        assertThat(event(MembershipEventKind.UNITS_CHANGED, MembershipView.Fields.units(3), MembershipView.Fields.units(5)).detail())
            .isEqualTo("3 → 5");
        assertThat(event(MembershipEventKind.LAPSED, MembershipView.Fields.status(MembershipStatus.ACTIVE),
            MembershipView.Fields.status(MembershipStatus.LAPSED)).detail()).isEqualTo("active → lapsed");
        assertThat(event(MembershipEventKind.START_CHANGED, MembershipView.Fields.startsOn(LocalDate.parse("2026-04-01")),
            MembershipView.Fields.startsOn(LocalDate.parse("2026-05-01"))).detail()).isEqualTo("2026-04-01 → 2026-05-01");
        assertThat(event(MembershipEventKind.ENDED, MembershipView.Fields.status(MembershipStatus.LAPSED),
            new MembershipView.Fields("ended", null, null, LocalDate.parse("2027-03-31"), null)).detail()).isEqualTo("2027-03-31");
    }

    @Test
    void the_event_keeps_kind_structure_and_actor() {
        MembershipView.Event e = event(MembershipEventKind.UNITS_CHANGED, MembershipView.Fields.units(1), MembershipView.Fields.units(2));
        assertThat(e.kind()).isEqualTo("units_changed");
        assertThat(e.before().units()).isEqualTo(1);
        assertThat(e.after().units()).isEqualTo(2);
        assertThat(e.by()).isEqualTo("admin");
    }

    private static MembershipView.Event event(MembershipEventKind kind, MembershipView.Fields before, MembershipView.Fields after) {
        return MembershipView.Event.of(AT, kind, before, after, "admin");
    }
}
