package org.tomoni.platform.giving;

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
import org.tomoni.platform.shared.CsvResponses;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Money received (one-off donations, collected charges) and receipts. */
@ModuleRoute(Module.GIVING)
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DonationsController {
    private final Donations donations;
    private final Receipts receipts;
    private final CsvResponses csv;
    private final Problems problems;

    DonationsController(Donations donations, Receipts receipts, CsvResponses csv, Problems problems) {
        this.donations = donations;
        this.receipts = receipts;
        this.csv = csv;
        this.problems = problems;
    }

    @Serdeable
    record ReceiptRequest(@Nullable String donationId, @Nullable String personId, @Nullable Integer year) {
    }

    @Get("/donations")
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String personId, @Nullable @QueryValue String kind,
                         @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        UUID person = personId == null ? null : Ids.parse(personId).orElse(new UUID(0, 0));
        return problems.ok(request, donations.list(actor, person, kind, year, PageRequest.of(page, size)));
    }

    @Post("/donations")
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body Donations.DonationRequest body) {
        return problems.created(request, donations.create(actor, body), d -> URI.create("/api/v1/donations/" + d.id()));
    }

    @Get("/donations/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> donations.get(actor, uuid)));
    }

    /** {@code donationId} for one donation's receipt, or {@code personId} and {@code year} for the annual one. */
    @Post("/receipts")
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

    @Get("/receipts")
    HttpResponse<?> receipts(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String personId, @Nullable @QueryValue Integer year,
                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        UUID person = personId == null ? null : Ids.parse(personId).orElse(new UUID(0, 0));
        return problems.ok(request, receipts.list(actor, person, year, PageRequest.of(page, size)));
    }

    @Get("/receipts/{id}")
    HttpResponse<?> receipt(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> receipts.get(actor, uuid)));
    }

    @Post("/receipts/{id}/reissue")
    HttpResponse<?> reissue(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.created(request, Ids.withId(id, uuid -> receipts.reissue(actor, uuid)), r -> URI.create("/api/v1/receipts/" + r.id()));
    }

    @Get("/receipts/{id}/pdf")
    HttpResponse<?> pdf(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        Outcome<byte[]> outcome = Ids.withId(id, uuid -> receipts.pdf(actor, uuid));
        if (outcome instanceof Outcome.Rejected<byte[]> r) {
            return problems.of(request, r.code(), r.errors());
        }
        return HttpResponse.ok(outcome.orThrow()).contentType(MediaType.of("application/pdf"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"receipt-" + id + ".pdf\"");
    }

    /** 寄附者名簿 for a fiscal year. */
    @Get("/donor-list")
    HttpResponse<?> donorList(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer fiscalYear,
                              @Nullable @QueryValue String encoding) {
        return csv.export(request, encoding == null ? "utf-8-bom" : encoding, "donor-list-" + fiscalYear + ".csv",
            "寄附者名簿_" + fiscalYear + "年度.csv", enc -> receipts.donorList(actor, fiscalYear, enc));
    }
}
