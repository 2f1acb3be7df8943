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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Problems;

/** The donor's own gift through the signed link mailed to them: view, change units, pause, resume, cancel. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.DONOR_GIFT_MANAGE)
@Controller("/api/v1/public/gifts/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "public giving")
class DonorLinksController {
    private final DonorGifts donors;
    private final Problems problems;

    DonorLinksController(DonorGifts donors, Problems problems) {
        this.donors = donors;
        this.problems = problems;
    }

    @Serdeable
    record UnitsRequest(@Nullable Integer units) {
    }

    @Get
    HttpResponse<?> view(HttpRequest<?> request, @PathVariable String token) {
        return problems.ok(request, donors.view(token));
    }

    @Post("/units")
    HttpResponse<?> units(HttpRequest<?> request, @PathVariable String token, @Body UnitsRequest body) {
        return problems.ok(request, donors.changeUnits(token, body.units()));
    }

    /** {@code action}: pause, resume or cancel. */
    @Post("/{action}")
    HttpResponse<?> change(HttpRequest<?> request, @PathVariable String token, @PathVariable String action) {
        return problems.ok(request, donors.change(token, action));
    }
}
