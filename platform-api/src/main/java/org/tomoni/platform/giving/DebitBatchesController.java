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
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Direct-debit batches: the request file for the bank and the bank's result upload. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/direct-debit/batches")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DebitBatchesController {
    private final DebitBatches batches;
    private final DebitResults results;
    private final Problems problems;

    DebitBatchesController(DebitBatches batches, DebitResults results, Problems problems) {
        this.batches = batches;
        this.results = results;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, batches.list(actor, PageRequest.of(page, size)));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> batches.get(actor, uuid)));
    }

    /** The Zengin request file, streamed from a temporary file that is deleted once sent. */
    @Capable(Capability.GIVING_WRITE)
    @Get("/{id}/file")
    HttpResponse<?> file(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        Outcome<DebitBatches.RequestFile> outcome = Ids.withId(id, uuid -> batches.requestFile(actor, uuid));
        if (outcome instanceof Outcome.Rejected<DebitBatches.RequestFile> r) {
            return problems.of(request, r.code(), r.errors());
        }
        DebitBatches.RequestFile file = outcome.orThrow();
        try {
            long length = Files.size(file.path());
            InputStream in = new FilterInputStream(Files.newInputStream(file.path())) {
                @Override
                public void close() throws IOException {
                    super.close();
                    Files.deleteIfExists(file.path());
                }
            };
            return HttpResponse.ok(new StreamedFile(in, MediaType.of("text/plain; charset=Shift_JIS"), System.currentTimeMillis(), length))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bank's result file as the body; reconciled all or nothing. */
    @Capable(Capability.GIVING_WRITE)
    @Post(value = "/{id}/result", consumes = MediaType.ALL)
    HttpResponse<?> result(HttpRequest<?> request, Actor actor, @PathVariable String id, @Body byte[] body) {
        return problems.ok(request, Ids.withId(id, uuid -> results.reconcile(actor, uuid, new ByteArrayInputStream(body))));
    }
}
