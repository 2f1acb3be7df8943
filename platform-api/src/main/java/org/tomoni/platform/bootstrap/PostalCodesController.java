package org.tomoni.platform.bootstrap;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PostalCodes;

import java.util.List;

/**
 * Postal code → addresses for API clients that are signed in (the screens call {@link PostalCodes} in-process,
 * the public page included, so nothing anonymous needs this route and the table cannot be scraped through it).
 */
@CoreRoute
@Capable(Capability.SIGNED_IN)
@Controller("/api/v1/postal-codes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "reference data")
class PostalCodesController {
    private final PostalCodes postalCodes;

    PostalCodesController(PostalCodes postalCodes) {
        this.postalCodes = postalCodes;
    }

    /** Every address of the code (220-0011, 2200011 or full-width); 400 when it is not 7 digits, 404 when Japan Post has no such code. */
    @Get("/{code}")
    Outcome<List<PostalCodes.Address>> lookup(@PathVariable String code) {
        return postalCodes.find(code);
    }
}
