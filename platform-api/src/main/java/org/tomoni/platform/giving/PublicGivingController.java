package org.tomoni.platform.giving;

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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.PublicFormThrottle;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Giving without a login: published plans, sign-up, and the donor's signed link. */
@ModuleRoute(Module.GIVING)
@Controller("/api/v1/public")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "public giving")
class PublicGivingController {
    private final PublicGiving giving;
    private final DonorGifts donors;
    private final Problems problems;
    private final ClientAddresses addresses;

    PublicGivingController(PublicGiving giving, DonorGifts donors, Problems problems, ClientAddresses addresses) {
        this.giving = giving;
        this.donors = donors;
        this.problems = problems;
        this.addresses = addresses;
    }

    @Serdeable
    record UnitsRequest(@Nullable Integer units) {
    }

    @Get("/{tenantSlug}/gift-plans")
    HttpResponse<?> plans(HttpRequest<?> request, @PathVariable String tenantSlug) {
        return problems.ok(request, giving.plans(tenantSlug));
    }

    /** The same Idempotency-Key returns the first response and creates nothing more. */
    @Post("/{tenantSlug}/recurring-gifts")
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

    @Get("/gifts/{token}")
    HttpResponse<?> donorView(HttpRequest<?> request, @PathVariable String token) {
        return problems.ok(request, donors.view(token));
    }

    @Post("/gifts/{token}/units")
    HttpResponse<?> donorUnits(HttpRequest<?> request, @PathVariable String token, @Body UnitsRequest body) {
        return problems.ok(request, donors.changeUnits(token, body.units()));
    }

    /** {@code action}: pause, resume or cancel. */
    @Post("/gifts/{token}/{action}")
    HttpResponse<?> donorChange(HttpRequest<?> request, @PathVariable String token, @PathVariable String action) {
        return problems.ok(request, donors.change(token, action));
    }
}
