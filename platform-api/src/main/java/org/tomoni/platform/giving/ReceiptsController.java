package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Receipts (寄附金受領証明書): per donation or annual, reissued, as PDF. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/receipts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class ReceiptsController {
    private final Receipts receipts;
    private final Problems problems;

    ReceiptsController(Receipts receipts, Problems problems) {
        this.receipts = receipts;
        this.problems = problems;
    }

    @Serdeable
    record ReceiptRequest(@Nullable String donationId, @Nullable String personId, @Nullable Integer year) {
    }

    /** {@code donationId} for one donation's receipt, or {@code personId} and {@code year} for the annual one. */
    @Capable(Capability.RECEIPTS_ISSUE)
    @Post
    HttpResponse<?> issue(HttpRequest<?> request, Actor actor, @Body ReceiptRequest body) {
        Outcome<Receipts.ReceiptView> outcome;
        if (body.donationId() != null) {
            outcome = Ids.withId(body.donationId(), uuid -> receipts.issue(actor, uuid));
        } else if (body.personId() != null) {
            outcome = Ids.withId(body.personId(), uuid -> receipts.annual(actor, uuid, body.year()));
        } else {
            outcome = Outcome.invalid(List.of(FieldError.of("donationId", "required")));
        }
        return problems.created(request, outcome, r -> URI.create("/api/v1/receipts/" + r.id()));
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String personId, @Nullable @QueryValue Integer year,
                         @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        UUID person = personId == null ? null : Ids.parse(personId).orElse(new UUID(0, 0));
        return problems.ok(request, receipts.list(actor, person, year, PageRequest.of(page, size)));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> receipts.get(actor, uuid)));
    }

    @Capable(Capability.RECEIPTS_ISSUE)
    @Post("/{id}/reissue")
    HttpResponse<?> reissue(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.created(request, Ids.withId(id, uuid -> receipts.reissue(actor, uuid)), r -> URI.create("/api/v1/receipts/" + r.id()));
    }

    @Get("/{id}/pdf")
    HttpResponse<?> pdf(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        Outcome<byte[]> outcome = Ids.withId(id, uuid -> receipts.pdf(actor, uuid));
        if (outcome instanceof Outcome.Rejected<byte[]> r) {
            return problems.of(request, r.code(), r.errors());
        }
        return HttpResponse.ok(outcome.orThrow()).contentType(MediaType.of("application/pdf"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"receipt-" + id + ".pdf\"");
    }
}
