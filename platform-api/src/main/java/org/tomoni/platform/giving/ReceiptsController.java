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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Download;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

/** Receipts (寄附金受領証明書): per donation or annual, reissued, as PDF. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/receipts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class ReceiptsController {
    private final Receipts receipts;

    ReceiptsController(Receipts receipts) {
        this.receipts = receipts;
    }

    /** {@code donationId} for one donation's receipt, or {@code personId} (or {@code organizationId}) and {@code year} for the annual one. */
    @Capable(Capability.RECEIPTS_ISSUE)
    @Post
    Reply<Receipts.ReceiptView> issue(Actor actor, @Body Receipts.IssueRequest body) {
        return Reply.created(receipts.issue(actor, body), r -> "/api/v1/receipts/" + r.id());
    }

    @Get
    Outcome<Page<Receipts.ReceiptView>> list(Actor actor, @Nullable @QueryValue String personId,
                                             @Nullable @QueryValue String organizationId, @Nullable @QueryValue Integer year,
                                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return receipts.list(actor, Ids.parseOrNobody(personId), Ids.parseOrNobody(organizationId), year, PageRequest.of(page, size));
    }

    @Get("/{id}")
    Outcome<Receipts.ReceiptView> get(Actor actor, @PathVariable UUID id) {
        return receipts.get(actor, id);
    }

    @Capable(Capability.RECEIPTS_ISSUE)
    @Post("/{id}/reissue")
    Reply<Receipts.ReceiptView> reissue(Actor actor, @PathVariable UUID id) {
        return Reply.created(receipts.reissue(actor, id), r -> "/api/v1/receipts/" + r.id());
    }

    @Get("/{id}/pdf")
    Outcome<Download> pdf(Actor actor, @PathVariable UUID id) {
        return receipts.pdf(actor, id).map(pdf -> Download.bytes(pdf, "application/pdf", "inline; filename=\"receipt-" + id + ".pdf\""));
    }
}
