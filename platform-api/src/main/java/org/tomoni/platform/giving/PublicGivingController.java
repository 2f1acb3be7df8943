package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.tomoni.platform.shared.PublicFormThrottle;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Giving without a login, on the tenant's public page: published plans and sign-up. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.PUBLIC_SIGNUP_CREATE)
@Controller("/api/v1/public/{tenantSlug}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "public giving")
class PublicGivingController {
    private final PublicGiving giving;
    private final Problems problems;
    private final ClientAddresses addresses;

    PublicGivingController(PublicGiving giving, Problems problems, ClientAddresses addresses) {
        this.giving = giving;
        this.problems = problems;
        this.addresses = addresses;
    }

    @Get("/gift-plans")
    HttpResponse<?> plans(HttpRequest<?> request, @PathVariable String tenantSlug) {
        return problems.ok(request, giving.plans(tenantSlug));
    }

    /** The same Idempotency-Key returns the first response and creates nothing more. */
    @Post("/recurring-gifts")
    HttpResponse<?> signUp(HttpRequest<?> request, @PathVariable String tenantSlug,
                           @Nullable @Header("Idempotency-Key") String idempotencyKey, @Nullable @Body PublicGiving.SignupRequest body) {
        Optional<Duration> wait = giving.throttled(tenantSlug, addresses.of(request), body);
        if (wait.isPresent()) {
            return problems.of(request, ErrorCode.TOO_MANY_REQUESTS, List.of())
                .header("Retry-After", Long.toString(PublicFormThrottle.retryAfterSeconds(wait.get())));
        }
        return problems.created(request, giving.signUp(tenantSlug, idempotencyKey, body),
            g -> URI.create("/api/v1/recurring-gifts/" + g.id()));
    }
}
