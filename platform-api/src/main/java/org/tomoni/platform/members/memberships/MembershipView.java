package org.tomoni.platform.members.memberships;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A membership with what it costs per period; a single read also carries its history. */
@Serdeable
public record MembershipView(UUID id, UUID personId, UUID organizationId, String memberName, Long memberNumber, UUID typeId,
                             String typeName, int units, LocalDate startsOn, LocalDate endsOn, String status, String period,
                             long duesPerPeriod, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> history) implements Versioned {

    /**
     * One change in a membership's life: its kind, the changed fields before and after, who acted.
     * {@code detail} is those fields rendered as one line for clients that show text (the API's
     * shape before the structure); screens render {@code before}/{@code after} in their language.
     */
    @Serdeable
    public record Event(OffsetDateTime occurredAt, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) Fields before,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Fields after, String detail, String by) {

        static Event of(OffsetDateTime occurredAt, MembershipEventKind kind, Fields before, Fields after, String by) {
            return new Event(occurredAt, kind.code(), before, after, detail(kind, before, after), by);
        }

        private static String detail(MembershipEventKind kind, Fields before, Fields after) {
            Fields b = before == null ? Fields.NONE : before;
            Fields a = after == null ? Fields.NONE : after;
            return switch (kind) {
                case STARTED -> a.typeName() + " × " + a.units();
                case UNITS_CHANGED -> b.units() + " → " + a.units();
                case ACTIVE, LAPSED -> b.status() + " → " + a.status();
                case START_CHANGED -> b.startsOn() + " → " + a.startsOn();
                case ENDED -> String.valueOf(a.endsOn());
            };
        }
    }

    /** The fields of a membership an event changed; absent ones are null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fields(String status, Integer units, LocalDate startsOn, LocalDate endsOn, String typeName) {
        static final Fields NONE = new Fields(null, null, null, null, null);

        static Fields status(MembershipStatus s) {
            return new Fields(s.code(), null, null, null, null);
        }

        static Fields units(int units) {
            return new Fields(null, units, null, null, null);
        }

        static Fields startsOn(LocalDate d) {
            return new Fields(null, null, d, null, null);
        }
    }

    MembershipView withHistory(List<Event> events) {
        return new MembershipView(id, personId, organizationId, memberName, memberNumber, typeId, typeName, units, startsOn, endsOn,
            status, period, duesPerPeriod, createdAt, updatedAt, version, events);
    }
}
