package org.tomoni.platform.members.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * What narrows a people list: a search text, a branch, consent flags, a membership status, and
 * whether to list the archived people instead of the active ones ({@code archived} true; people
 * merged into another are never listed). Sensitive people are left out unless the caller's role may see them.
 */
@Serdeable
public record PeopleFilter(@Nullable String q, @Nullable UUID branchId, @Nullable Boolean newsletterConsent,
                           @Nullable Boolean noPostalMail, @Nullable Boolean noEmail, @Nullable Boolean deceased,
                           @Nullable String membershipStatus, @Nullable Boolean archived) {
    public static PeopleFilter query(String q) {
        return new PeopleFilter(q, null, null, null, null, null, null, null);
    }

    /** The archived people only? */
    public boolean archivedOnly() {
        return Boolean.TRUE.equals(archived);
    }
}
