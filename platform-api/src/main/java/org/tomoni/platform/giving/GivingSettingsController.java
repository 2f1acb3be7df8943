package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;

/** The tenant's giving settings (receipt issuer, collector codes). */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/giving/settings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class GivingSettingsController {
    private final GivingSettings settings;

    GivingSettingsController(GivingSettings settings) {
        this.settings = settings;
    }

    @Get
    Outcome<GivingSettings.SettingsView> get(Actor actor) {
        return settings.get(actor);
    }

    @Capable(Capability.GIVING_SETTINGS)
    @Put
    Outcome<GivingSettings.SettingsView> update(Actor actor, @IfMatch long version, @Body GivingSettings.SettingsRequest body) {
        return settings.update(actor, version, body);
    }
}
