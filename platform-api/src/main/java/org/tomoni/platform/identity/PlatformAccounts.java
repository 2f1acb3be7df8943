package org.tomoni.platform.identity;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantTransactions;

import org.tomoni.platform.shared.Columns;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Platform-level logins (network office, platform operator), created by provisioning. */
@Singleton
public class PlatformAccounts {
    private final TenantTransactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;

    PlatformAccounts(TenantTransactions tx, PasswordHasher hasher, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
    }

    public boolean exists(String username) {
        return tx.platform(dsl -> UserTables.findPlatformUser(dsl, username).isPresent());
    }

    public UUID create(String username, String displayName, Role role, String password, String by) {
        if (!role.platformLevel()) {
            throw new IllegalArgumentException("not a platform role: " + role);
        }
        OffsetDateTime now = Columns.now(clock);
        UserRecord user = new UserRecord(null, Ids.newId(), username, displayName, hasher.hash(password), role, true, now, now, 0);
        tx.platform(dsl -> {
            UserTables.insert(dsl, user, by);
            return null;
        });
        return user.id();
    }
}
