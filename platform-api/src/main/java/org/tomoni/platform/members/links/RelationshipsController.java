package org.tomoni.platform.members.links;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/relationships")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "relationships")
class RelationshipsController {
    private final Relationships relationships;

    RelationshipsController(Relationships relationships) {
        this.relationships = relationships;
    }

    @Get
    Outcome<Page<RelationshipView>> list(Actor actor, @Nullable @QueryValue UUID personId, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return relationships.list(actor, personId, PageRequest.of(page, size));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    Reply<RelationshipView> create(Actor actor, @Body RelationshipRequest body) {
        return Reply.created(relationships.create(actor, body), v -> "/api/v1/relationships/" + v.id());
    }

    @Get("/{id}")
    Outcome<RelationshipView> get(Actor actor, @PathVariable UUID id) {
        return relationships.get(actor, id);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    Outcome<RelationshipView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body RelationshipRequest body) {
        return relationships.update(actor, id, version, body);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Delete("/{id}")
    Reply<Void> delete(Actor actor, @PathVariable UUID id) {
        return Reply.noContent(relationships.delete(actor, id));
    }
}
