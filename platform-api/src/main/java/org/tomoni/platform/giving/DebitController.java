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
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;
import org.tomoni.platform.shared.Actor;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Direct-debit batches (request file, result upload) and the tenant's giving settings. */
@ModuleRoute(Module.GIVING)
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DebitController {
    private final DebitBatches batches;
    private final DebitResults results;
    private final GivingSettings settings;
    private final Problems problems;

    DebitController(DebitBatches batches, DebitResults results, GivingSettings settings, Problems problems) {
        this.batches = batches;
        this.results = results;
        this.settings = settings;
        this.problems = problems;
    }

    @Get("/direct-debit/batches")
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, batches.list(actor, PageRequest.of(page, size)));
    }

    @Get("/direct-debit/batches/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> batches.get(actor, uuid)));
    }

    /** The Zengin request file, streamed from a temporary file that is deleted once sent. */
    @Get("/direct-debit/batches/{id}/file")
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
    @Post(value = "/direct-debit/batches/{id}/result", consumes = MediaType.ALL)
    HttpResponse<?> result(HttpRequest<?> request, Actor actor, @PathVariable String id, @Body byte[] body) {
        return problems.ok(request, Ids.withId(id, uuid -> results.reconcile(actor, uuid, new ByteArrayInputStream(body))));
    }

    @Get("/giving/settings")
    HttpResponse<?> settings(HttpRequest<?> request, Actor actor) {
        return problems.ok(request, settings.get(actor));
    }

    @Put("/giving/settings")
    HttpResponse<?> updateSettings(HttpRequest<?> request, Actor actor, @Nullable @Header("If-Match") String ifMatch,
                                   @Body GivingSettings.SettingsRequest body) {
        var version = IfMatch.version(ifMatch);
        if (version.isEmpty()) {
            return problems.of(request, ErrorCode.PRECONDITION_REQUIRED, List.of());
        }
        return problems.ok(request, settings.update(actor, version.getAsLong(), body));
    }
}
