package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PublicFormThrottle;
import org.tomoni.platform.shared.Reply;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/** Giving without a login, on the tenant's public page: published plans and sign-up. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.PUBLIC_SIGNUP_CREATE)
@Controller("/api/v1/public/{tenantSlug}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "public giving")
class PublicGivingController {
    private final PublicGiving giving;
    private final ClientAddresses addresses;

    PublicGivingController(PublicGiving giving, ClientAddresses addresses) {
        this.giving = giving;
        this.addresses = addresses;
    }

    @Get("/gift-plans")
    Outcome<PublicGiving.PublicPlans> plans(@PathVariable String tenantSlug) {
        return giving.plans(tenantSlug);
    }

    /** The same Idempotency-Key returns the first response and creates nothing more; too many sign-ups from one address answer 429. */
    @Post("/recurring-gifts")
    Reply<PublicGiving.SignupResponse> signUp(HttpRequest<?> request, @PathVariable String tenantSlug,
                                              @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                              @Nullable @Body PublicGiving.SignupRequest body) {
        Optional<Duration> wait = giving.throttled(tenantSlug, addresses.of(request), body);
        return wait.map(w -> Reply.<PublicGiving.SignupResponse>rejected(ErrorCode.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(PublicFormThrottle.retryAfterSeconds(w))))
            .orElseGet(() -> Reply.created(giving.signUp(tenantSlug, idempotencyKey, body), g -> "/api/v1/recurring-gifts/" + g.id()));
    }
}
