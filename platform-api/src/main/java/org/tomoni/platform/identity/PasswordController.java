package org.tomoni.platform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PublicFormThrottle;
import org.tomoni.platform.shared.Reply;

import java.util.Optional;
import java.util.UUID;

/**
 * A user's own password: change it when signed in (also the only route, with logout, a temporary password's token may
 * call), ask for a reset link by e-mail, and set a new one with that link.
 */
@org.tomoni.platform.tenancy.CoreRoute
@Controller("/api/v1/auth")
@Tag(name = "auth")
class PasswordController {
    private final Passwords passwords;
    private final ClientAddresses addresses;

    PasswordController(Passwords passwords, ClientAddresses addresses) {
        this.passwords = passwords;
        this.addresses = addresses;
    }

    @Serdeable
    record ChangeRequest(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Serdeable
    record ResetRequestBody(@Nullable String tenant, @Nullable String email) {
    }

    @Serdeable
    record ResetBody(@Nullable String token, @Nullable String newPassword) {
    }

    /** 204; the caller's other sessions end, this token's goes on. 400 with field errors (currentPassword, newPassword). */
    @Post("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Capable(Capability.SIGNED_IN)
    Reply<Void> change(Actor actor, Authentication authentication, @Body ChangeRequest body) {
        UUID family = Optional.ofNullable(authentication.getAttributes().get(AccessTokens.SESSION_ID)).map(Object::toString)
            .flatMap(Ids::parse).orElse(null);
        return Reply.noContent(passwords.change(actor, family, body.currentPassword(), body.newPassword()));
    }

    /** 202 whether or not the organisation and address are known (a mail goes out when they are); 429 when throttled. */
    @Post("/password-reset-requests")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Capable(Capability.PUBLIC)
    Reply<Void> requestReset(HttpRequest<?> request, @Body ResetRequestBody body) {
        Outcome<Optional<java.time.Duration>> outcome = passwords.requestReset(body.tenant(), body.email(), addresses.of(request));
        if (outcome instanceof Outcome.Ok<Optional<java.time.Duration>> ok && ok.value().isPresent()) {
            return Reply.<Void>rejected(ErrorCode.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(PublicFormThrottle.retryAfterSeconds(ok.value().get())));
        }
        return Reply.accepted(outcome.<Void>map(w -> null));
    }

    /** 204; 400 with a field error on {@code token} (link_invalid, link_used, link_expired, link_superseded) or {@code newPassword}. */
    @Post("/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Capable(Capability.PUBLIC)
    Reply<Void> reset(HttpRequest<?> request, @Body ResetBody body) {
        return Reply.noContent(passwords.reset(body.token(), body.newPassword(), addresses.of(request)));
    }
}
