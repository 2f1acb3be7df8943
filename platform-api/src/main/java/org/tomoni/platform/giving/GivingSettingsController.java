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
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Problems;

import java.util.List;

/** The tenant's giving settings (receipt issuer, collector codes). */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/giving/settings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class GivingSettingsController {
    private final GivingSettings settings;
    private final Problems problems;

    GivingSettingsController(GivingSettings settings, Problems problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> get(HttpRequest<?> request, Actor actor) {
        return problems.ok(request, settings.get(actor));
    }

    @Capable(Capability.GIVING_SETTINGS)
    @Put
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @Nullable @Header("If-Match") String ifMatch,
                           @Body GivingSettings.SettingsRequest body) {
        var version = IfMatch.version(ifMatch);
        if (version.isEmpty()) {
            return problems.of(request, ErrorCode.PRECONDITION_REQUIRED, List.of());
        }
        return problems.ok(request, settings.update(actor, version.getAsLong(), body));
    }
}
