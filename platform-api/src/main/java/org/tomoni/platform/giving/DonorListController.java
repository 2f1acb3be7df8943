package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.CsvDownloads;
import org.tomoni.platform.shared.Download;
import org.tomoni.platform.shared.Outcome;

/** 寄附者名簿 for a fiscal year, as CSV. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/donor-list")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DonorListController {
    private final Receipts receipts;

    DonorListController(Receipts receipts) {
        this.receipts = receipts;
    }

    @Get
    Outcome<Download> export(Actor actor, @Nullable @QueryValue Integer fiscalYear, @Nullable @QueryValue String encoding) {
        return CsvDownloads.export(encoding, "donor-list-" + fiscalYear + ".csv", "寄附者名簿_" + fiscalYear + "年度.csv",
            enc -> receipts.donorList(actor, fiscalYear, enc));
    }
}
