package org.tomoni.platform.identity;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Reply;

/** Login, refresh and logout. Bad credentials answer identically whether or not the user exists. */
@CoreRoute
@Capable(Capability.PUBLIC)
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "auth")
class AuthController {
    private final Authenticator authenticator;
    private final TokenService tokens;
    private final ClientAddresses addresses;

    AuthController(Authenticator authenticator, TokenService tokens, ClientAddresses addresses) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    /** {@code tenant} is the organisation's slug; omitted for platform users. */
    @Serdeable
    record LoginRequest(String tenant, String username, String password) {
    }

    @Serdeable
    record RefreshRequest(String refresh_token) {
    }

    /** Too many failures answer 429 with Retry-After (whole seconds, rounded up). */
    @Post("/login")
    Reply<TokenService.Tokens> login(HttpRequest<?> request, @Body LoginRequest body) {
        var attempt = authenticator.authenticate(body.tenant(), body.username(), body.password(), addresses.of(request));
        if (attempt instanceof Authenticator.Attempt.Authenticated ok) {
            return Reply.ok(Outcome.ok(tokens.issue(ok.actor())));
        }
        if (attempt instanceof Authenticator.Attempt.Throttled t) {
            long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toNanosPart() > 0 ? 1 : 0));
            return Reply.<TokenService.Tokens>rejected(ErrorCode.TOO_MANY_ATTEMPTS).header("Retry-After", Long.toString(seconds));
        }
        return Reply.rejected(ErrorCode.INVALID_CREDENTIALS);
    }

    @Post("/refresh")
    Outcome<TokenService.Tokens> refresh(@Body RefreshRequest body) {
        return tokens.refresh(body.refresh_token()).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.INVALID_REFRESH_TOKEN));
    }

    @Post("/logout")
    Reply<Void> logout(@Body RefreshRequest body) {
        tokens.logout(body.refresh_token());
        return Reply.noContent(Outcome.ok(null));
    }
}
