package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Outcome;

/** The donor's own gift through the signed link mailed to them: view, change units, pause, resume, cancel. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.DONOR_GIFT_MANAGE)
@Controller("/api/v1/public/gifts/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "public giving")
class DonorLinksController {
    private final DonorGifts donors;

    DonorLinksController(DonorGifts donors) {
        this.donors = donors;
    }

    @Serdeable
    record UnitsRequest(@Nullable Integer units) {
    }

    @Get
    Outcome<DonorGifts.DonorGiftView> view(@PathVariable String token) {
        return donors.view(token);
    }

    @Post("/units")
    Outcome<DonorGifts.DonorGiftView> units(@PathVariable String token, @Body UnitsRequest body) {
        return donors.changeUnits(token, body.units());
    }

    /** {@code action}: pause, resume or cancel. */
    @Post("/{action}")
    Outcome<DonorGifts.DonorGiftView> change(@PathVariable String token, @PathVariable String action) {
        return donors.change(token, action);
    }
}
