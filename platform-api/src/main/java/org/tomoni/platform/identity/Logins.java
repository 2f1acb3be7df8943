package org.tomoni.platform.identity;

import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.persistence.Scope;
import org.tomoni.platform.persistence.TenantScope;

import java.util.Optional;
import java.util.UUID;

/** A login looked up where its scope says: a tenant's users, or the platform's (the token and session checks serve both). */
final class Logins {
    private Logins() {
    }

    static Optional<UserRecord> find(Scope scope, UUID id) {
        return scope instanceof TenantScope t ? UserRepository.find(t, id) : PlatformUserRepository.find((PlatformScope) scope, id);
    }

    static Optional<UserRecord> findByUsername(Scope scope, String username) {
        return scope instanceof TenantScope t ? UserRepository.findByUsername(t, username)
            : PlatformUserRepository.findByUsername((PlatformScope) scope, username);
    }
}
