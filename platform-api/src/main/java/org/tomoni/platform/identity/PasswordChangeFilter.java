package org.tomoni.platform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Problems;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A token of a user whose password is temporary (set by an admin or the operator, not yet changed) may call only
 * {@code POST /api/v1/auth/password} and {@code /api/v1/auth/logout}; everything else answers 403
 * {@code password_change_required}. Asked of the database through {@link Sessions} (so it lifts the moment the
 * password changes); runs after authentication.
 */
@ServerFilter("/api/v1/**")
class PasswordChangeFilter implements Ordered {
    static final Set<String> ALLOWED = Set.of("/api/v1/auth/password", "/api/v1/auth/logout");
    private final Sessions sessions;
    private final Problems problems;

    PasswordChangeFilter(Sessions sessions, Problems problems) {
        this.sessions = sessions;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        if (auth.isEmpty() || ALLOWED.contains(request.getPath())) {
            return null;
        }
        Optional<UUID> user = Ids.parse(auth.get().getName());
        UUID tenant = Optional.ofNullable(auth.get().getAttributes().get(AccessTokens.TENANT_ID)).map(Object::toString)
            .flatMap(Ids::parse).orElse(null);
        if (user.isEmpty() || !sessions.passwordChangeRequired(tenant, user.get())) {
            return null;
        }
        return problems.of(request, ErrorCode.PASSWORD_CHANGE_REQUIRED, List.of());
    }
}
