package org.tomoni.platform.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.access.Capability;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;
import org.tomoni.platform.tenancy.CoreRoute;
import org.tomoni.platform.tenancy.TenantKindRequest;
import org.tomoni.platform.tenancy.TenantKindView;

/** The kinds of tenant (global data), for the platform operator only. */
@CoreRoute
@Controller("/api/v1/tenant-kinds")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Capable(Capability.TENANT_KINDS_MANAGE)
@Tag(name = "tenant-kinds")
class TenantKindsController {
    private final TenantKinds kinds;

    TenantKindsController(TenantKinds kinds) {
        this.kinds = kinds;
    }

    @Get
    Outcome<Page<TenantKindView>> list(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return kinds.list(actor, PageRequest.of(page, size));
    }

    @Post
    Reply<TenantKindView> create(Actor actor, @Body TenantKindRequest body) {
        return Reply.created(kinds.create(actor, body), k -> "/api/v1/tenant-kinds/" + k.code());
    }

    @Get("/{code}")
    Outcome<TenantKindView> get(Actor actor, @PathVariable String code) {
        return kinds.get(actor, code);
    }

    @Put("/{code}")
    Outcome<TenantKindView> update(Actor actor, @PathVariable String code, @IfMatch long version, @Body TenantKindRequest body) {
        return kinds.update(actor, code, version, body);
    }
}
