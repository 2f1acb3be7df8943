package org.tomoni.platform.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Problems;

import java.util.List;
import java.util.UUID;

/** The shape every versioned update route shares: an id from the path and If-Match. */
final class Routes {
    private Routes() {
    }

    interface Update<T> {
        Outcome<T> apply(UUID id, long version);
    }

    static <T> HttpResponse<?> update(Problems problems, HttpRequest<?> request, String id, String ifMatch, Update<T> update) {
        var version = IfMatch.version(ifMatch);
        if (version.isEmpty()) {
            return problems.of(request, ErrorCode.PRECONDITION_REQUIRED, List.of());
        }
        return problems.ok(request, Ids.withId(id, uuid -> update.apply(uuid, version.getAsLong())));
    }
}
