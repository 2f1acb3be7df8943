package org.tomoni.platform.members.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * What narrows a people list: a search text, a branch, consent flags, a membership status.
 * Sensitive people are left out unless the caller's role may see them.
 */
@Serdeable
public record PeopleFilter(@Nullable String q, @Nullable UUID branchId, @Nullable Boolean newsletterConsent,
                           @Nullable Boolean noPostalMail, @Nullable Boolean noEmail, @Nullable Boolean deceased,
                           @Nullable String membershipStatus) {
    public static PeopleFilter query(String q) {
        return new PeopleFilter(q, null, null, null, null, null, null);
    }
}
