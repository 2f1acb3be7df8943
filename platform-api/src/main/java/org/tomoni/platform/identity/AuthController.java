package org.tomoni.platform.identity;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Problems;

import java.util.List;

/** Login, refresh and logout. Bad credentials answer identically whether or not the user exists. */
@CoreRoute
@Capable(Capability.PUBLIC)
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "auth")
class AuthController {
    private final Authenticator authenticator;
    private final TokenService tokens;
    private final Problems problems;
    private final ClientAddresses addresses;

    AuthController(Authenticator authenticator, TokenService tokens, Problems problems, ClientAddresses addresses) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.problems = problems;
        this.addresses = addresses;
    }

    /** {@code tenant} is the organisation's slug; omitted for platform users. */
    @Serdeable
    record LoginRequest(String tenant, String username, String password) {
    }

    @Serdeable
    record RefreshRequest(String refresh_token) {
    }

    @Post("/login")
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginRequest body) {
        var attempt = authenticator.authenticate(body.tenant(), body.username(), body.password(), addresses.of(request));
        if (attempt instanceof Authenticator.Attempt.Authenticated ok) {
            return HttpResponse.ok(tokens.issue(ok.actor()));
        }
        if (attempt instanceof Authenticator.Attempt.Throttled t) {
            long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toNanosPart() > 0 ? 1 : 0));
            return problems.of(request, ErrorCode.TOO_MANY_ATTEMPTS, List.of()).header("Retry-After", Long.toString(seconds));
        }
        return problems.of(request, ErrorCode.INVALID_CREDENTIALS, List.of());
    }

    @Post("/refresh")
    HttpResponse<?> refresh(HttpRequest<?> request, @Body RefreshRequest body) {
        return tokens.refresh(body.refresh_token())
            .<HttpResponse<?>>map(HttpResponse::ok)
            .orElseGet(() -> problems.of(request, ErrorCode.INVALID_REFRESH_TOKEN, List.of()));
    }

    @Post("/logout")
    HttpResponse<?> logout(@Body RefreshRequest body) {
        tokens.logout(body.refresh_token());
        return HttpResponse.noContent();
    }
}
