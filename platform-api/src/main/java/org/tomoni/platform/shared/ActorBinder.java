package org.tomoni.platform.shared;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Binds the {@link Actor} of a REST call from the verified token only: the tenant comes from
 * its signed claims, never from a header, path or body.
 */
@Singleton
class ActorBinder implements TypedRequestArgumentBinder<Actor> {
    private final ClientAddresses addresses;

    ActorBinder(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        if (auth.isEmpty()) {
            return BindingResult.unsatisfied();
        }
        Authentication a = auth.get();
        UUID userId = Ids.parse(a.getName()).orElse(null);
        UUID tenantId = Optional.ofNullable(a.getAttributes().get("tenant_id")).map(Object::toString).flatMap(Ids::parse).orElse(null);
        String slug = Optional.ofNullable(a.getAttributes().get("tenant_slug")).map(Object::toString).orElse(null);
        Actor actor = new Actor(userId, a.getName(), tenantId, slug, roles(a.getRoles()), addresses.of(request));
        return () -> Optional.of(actor);
    }

    private static Set<Role> roles(Collection<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        codes.forEach(c -> Role.fromCode(c).ifPresent(roles::add));
        return roles;
    }
}
