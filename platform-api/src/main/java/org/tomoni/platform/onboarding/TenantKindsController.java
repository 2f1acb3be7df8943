package org.tomoni.platform.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;
import org.tomoni.platform.tenancy.CoreRoute;
import org.tomoni.platform.tenancy.TenantKindRequest;
import org.tomoni.platform.tenancy.TenantKinds;

import java.net.URI;
import java.util.List;

/** The kinds of tenant (global data), for the platform operator only. */
@CoreRoute
@Controller("/api/v1/tenant-kinds")
@Secured("platform_operator")
@Tag(name = "tenant-kinds")
class TenantKindsController {
    private final TenantKinds kinds;
    private final Problems problems;

    TenantKindsController(TenantKinds kinds, Problems problems) {
        this.kinds = kinds;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, kinds.list(actor, PageRequest.of(page, size)));
    }

    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body TenantKindRequest body) {
        return problems.created(request, kinds.create(actor, body), k -> URI.create("/api/v1/tenant-kinds/" + k.code()));
    }

    @Get("/{code}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String code) {
        return problems.ok(request, kinds.get(actor, code));
    }

    @Put("/{code}")
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @PathVariable String code, @Nullable @Header("If-Match") String ifMatch,
                           @Body TenantKindRequest body) {
        var version = IfMatch.version(ifMatch);
        if (version.isEmpty()) {
            return problems.of(request, ErrorCode.PRECONDITION_REQUIRED, List.of());
        }
        return problems.ok(request, kinds.update(actor, code, version.getAsLong(), body));
    }
}
