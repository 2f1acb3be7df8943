package org.tomoni.platform.identity;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.UUID;

/** Platform-level logins (network office, platform operator), created by provisioning. */
@Singleton
public class PlatformAccounts {
    private final TenantTransactions tx;
    private final PasswordHasher hasher;

    PlatformAccounts(TenantTransactions tx, PasswordHasher hasher) {
        this.tx = tx;
        this.hasher = hasher;
    }

    public boolean exists(String username) {
        return tx.platform("platform-accounts", scope -> PlatformUserRepository.findByUsername(scope, username).isPresent());
    }

    public UUID create(String username, String displayName, Role role, String password, String by) {
        if (!role.platformLevel()) {
            throw new IllegalArgumentException("not a platform role: " + role);
        }
        UserRecord user = new UserRecord(null, Ids.newId(), username, displayName, hasher.hash(password), role, true, null, null, 0);
        tx.platform(by, scope -> {
            PlatformUserRepository.insert(scope, user);
            return null;
        });
        return user.id();
    }
}
