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

    /** One change in a membership's life. */
    @Serdeable
    public record Event(OffsetDateTime occurredAt, String kind, String detail, String by) {
    }

    MembershipView withHistory(List<Event> events) {
        return new MembershipView(id, personId, organizationId, memberName, memberNumber, typeId, typeName, units, startsOn, endsOn,
            status, period, duesPerPeriod, createdAt, updatedAt, version, events);
    }
}
