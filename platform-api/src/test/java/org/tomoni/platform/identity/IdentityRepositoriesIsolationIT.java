package org.tomoni.platform.identity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.access.Duty;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B's scope sees and changes nothing of tenant A through the identity repositories (users,
 * refresh tokens, duties), and their updates stamp who changed a row and when.
 */
@MicronautTest(transactional = false)
class IdentityRepositoriesIsolationIT extends PlatformTest {
    TestTenant a;
    TestTenant b;
    TenantTransactions tx;

    @BeforeAll
    void twoTenants() {
        a = tenants().create("repo-iso-a");
        b = tenants().create("repo-iso-b");
        tx = context.getBean(TenantTransactions.class);
    }

    private UUID userOfA(String username) {
        UUID id = Ids.newId();
        tx.write(a.admin(), scope -> {
            UserRepository.insert(scope, new UserRecord(a.id(), id, username, username, "hash", Role.STAFF, true, null, null, 0,
                username + "@example.jp", false));
            return null;
        });
        return id;
    }

    @Test
    void tenant_b_neither_finds_nor_changes_a_user_of_tenant_a() {
        UUID id = userOfA("iso-user");
        tx.write(b.admin(), scope -> {
            assertThat(UserRepository.find(scope, id)).isEmpty();
            assertThat(UserRepository.findByUsername(scope, "iso-user")).isEmpty();
            assertThat(UserRepository.page(scope, PageRequest.of(0, 100))).noneMatch(u -> u.id().equals(id));
            assertThat(UserRepository.setRole(scope, id, Role.TENANT_ADMIN)).isZero();
            assertThat(UserRepository.setActive(scope, id, false)).isZero();
            assertThat(UserRepository.setPassword(scope, id, "other", true)).isZero();
            assertThat(UserRepository.findByEmail(scope, "iso-user@example.jp")).isEmpty();
            return null;
        });
        UserRecord after = tx.read(a.admin(), scope -> UserRepository.find(scope, id)).orElseThrow();
        assertThat(after.role()).isEqualTo(Role.STAFF);
        assertThat(after.active()).isTrue();
        assertThat(after.passwordHash()).isEqualTo("hash");
        assertThat(after.passwordTemporary()).isFalse();
        assertThat(after.version()).isZero();
    }

    @Test
    void staff_names_resolve_only_the_viewers_own_colleagues() {
        UUID id = userOfA("iso-named");
        StaffNames names = context.getBean(StaffNames.class);
        assertThat(names.of(a.admin(), Set.of(id + "@" + a.slug(), "public-signup@" + a.slug())).orThrow())
            .containsExactly(java.util.Map.entry(id + "@" + a.slug(), "iso-named"));
        assertThat(names.of(b.admin(), Set.of(id + "@" + a.slug(), id + "@" + b.slug())).orThrow()).as("A's user, asked by B").isEmpty();
        tx.read(b.admin(), scope -> {
            assertThat(UserRepository.names(scope, Set.of(id))).isEmpty();
            return null;
        });
    }

    @Test
    void tenant_b_neither_finds_nor_revokes_a_refresh_token_of_tenant_a_and_a_revocation_records_who_and_when() throws Exception {
        UUID user = userOfA("iso-token");
        UUID token = Ids.newId();
        UUID family = Ids.newId();
        tx.write(a.admin(), scope -> {
            RefreshTokenRepository.insert(scope, token, family, user, new byte[] {1, 2, 3}, scope.now().plus(Duration.ofDays(1)));
            return null;
        });
        tx.write(b.admin(), scope -> {
            assertThat(RefreshTokenRepository.find(scope, token)).isEmpty();
            assertThat(RefreshTokenRepository.lock(scope, token)).isEmpty();
            assertThat(RefreshTokenRepository.userOfFamily(scope, family)).isEmpty();
            assertThat(RefreshTokenRepository.familyStands(scope, family, user)).isFalse();
            assertThat(RefreshTokenRepository.markUsed(scope, token)).isZero();
            assertThat(RefreshTokenRepository.revokeFamily(scope, family)).isZero();
            assertThat(RefreshTokenRepository.revokeAllOf(scope, user)).isZero();
            return null;
        });
        boolean stands = tx.read(a.admin(), scope -> RefreshTokenRepository.familyStands(scope, family, user));
        assertThat(stands).isTrue();

        tx.write(a.admin(), scope -> RefreshTokenRepository.revokeFamily(scope, family));
        try (var c = ownerConnection(a.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select revoked_at is not null, updated_by, updated_at > created_at, version from refresh_tokens "
                 + "where id = '" + token + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("revoked").isTrue();
            assertThat(rs.getString(2)).as("the revocation names who revoked").isEqualTo(a.admin().auditName());
            assertThat(rs.getBoolean(3)).as("and when").isTrue();
            assertThat(rs.getLong(4)).isEqualTo(1);
        }
    }

    @Test
    void tenant_b_neither_finds_nor_uses_nor_supersedes_a_password_reset_link_of_tenant_a() {
        UUID user = userOfA("iso-reset");
        UUID reset = Ids.newId();
        tx.write(a.admin(), scope -> {
            PasswordResetRepository.insert(scope, reset, user, new byte[] {4, 5, 6}, scope.now().plus(Duration.ofMinutes(30)));
            return null;
        });
        tx.write(b.admin(), scope -> {
            assertThat(PasswordResetRepository.lock(scope, reset)).isEmpty();
            assertThat(PasswordResetRepository.markUsed(scope, reset)).isZero();
            assertThat(PasswordResetRepository.supersedeOpen(scope, user)).isZero();
            return null;
        });
        var row = tx.write(a.admin(), scope -> PasswordResetRepository.lock(scope, reset)).orElseThrow();
        assertThat(row.usedAt()).isNull();
        assertThat(row.supersededAt()).isNull();
    }

    @Test
    void tenant_b_neither_reads_nor_replaces_the_duties_of_a_user_of_tenant_a() {
        UUID user = userOfA("iso-duties");
        Set<Duty> granted = EnumSet.of(Duty.values()[0]);
        tx.write(a.admin(), scope -> {
            UserDutyRepository.replace(scope, user, granted);
            return null;
        });
        tx.write(b.admin(), scope -> {
            assertThat(UserDutyRepository.codesOf(scope, user)).isEmpty();
            UserDutyRepository.replace(scope, user, EnumSet.noneOf(Duty.class));
            return null;
        });
        java.util.List<String> held = tx.read(a.admin(), scope -> UserDutyRepository.codesOf(scope, user));
        assertThat(held).containsExactly(Duty.values()[0].code());
    }
}
