package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Download;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;

import java.io.ByteArrayInputStream;
import java.util.UUID;

/** Direct-debit batches: the request file for the bank and the bank's result upload. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/direct-debit/batches")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DebitBatchesController {
    private final DebitBatches batches;
    private final DebitResults results;

    DebitBatchesController(DebitBatches batches, DebitResults results) {
        this.batches = batches;
        this.results = results;
    }

    @Get
    Outcome<Page<DebitBatches.BatchView>> list(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return batches.list(actor, PageRequest.of(page, size));
    }

    @Get("/{id}")
    Outcome<DebitBatches.BatchView> get(Actor actor, @PathVariable UUID id) {
        return batches.get(actor, id);
    }

    /** Who is in the batch: each debit with name, member number, bank and branch codes, masked account, amount and result. */
    @Get("/{id}/debits")
    Outcome<Page<Charges.ChargeView>> debits(Actor actor, @PathVariable UUID id, @Nullable @QueryValue Integer page,
                                             @Nullable @QueryValue Integer size) {
        return batches.debits(actor, id, PageRequest.of(page, size));
    }

    /** The batch's debits as CSV ({@code encoding}: utf-8-bom, the default, or windows-31j). */
    @Get("/{id}/debits.csv")
    Outcome<Download> debitsCsv(Actor actor, @PathVariable UUID id, @Nullable @QueryValue String encoding) {
        return org.tomoni.platform.shared.CsvDownloads.export(encoding, "debits-" + id + ".csv", "振替対象者.csv",
            chosen -> batches.debitsCsv(actor, id, chosen));
    }

    /** The Zengin request file, streamed from a temporary file that is deleted once sent. */
    @Capable(Capability.GIVING_WRITE)
    @Get("/{id}/file")
    Outcome<Download> file(Actor actor, @PathVariable UUID id) {
        return batches.requestFile(actor, id).map(DebitBatches.RequestFile::download);
    }

    /** The bank's result file as the body; reconciled all or nothing. */
    @Capable(Capability.GIVING_WRITE)
    @Post(value = "/{id}/result", consumes = MediaType.ALL)
    Outcome<DebitBatches.BatchView> result(Actor actor, @PathVariable UUID id, @Body byte[] body) {
        return results.reconcile(actor, id, new ByteArrayInputStream(body));
    }
}
