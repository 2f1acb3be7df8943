package org.tomoni.platform.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant B's scope takes, finishes, retries and prunes nothing of tenant A's outbox. */
@MicronautTest(transactional = false)
class OutboxRepositoryIsolationIT extends PlatformTest {
    TestTenant a;
    TestTenant b;
    TenantTransactions tx;

    @Override
    protected Map<String, String> extraProperties() {
        // The sender stays away, so that only this test moves the rows.
        return Map.of("platform.mail.sender.enabled", "false");
    }

    @BeforeAll
    void twoTenants() {
        a = tenants().create("outbox-iso-a");
        b = tenants().create("outbox-iso-b");
        tx = context.getBean(TenantTransactions.class);
    }

    @Test
    void tenant_b_takes_and_changes_nothing_of_tenant_a_and_a_row_records_who_queued_it() throws Exception {
        UUID id = tx.write(a.admin(), scope -> OutboxRepository.insert(scope, "test", new Mailer.Mail("iso@example.jp", "テスト", "件名", "本文")));
        tx.write(b.admin(), scope -> {
            assertThat(OutboxRepository.lockDue(scope, 100)).noneMatch(d -> d.id().equals(id));
            OutboxRepository.finish(scope, id, 1, OutboxStatus.SENT, null);
            OutboxRepository.retryLater(scope, id, 1, "boom", Duration.ofMinutes(1));
            OutboxRepository.prune(scope, scope.now().plus(Duration.ofDays(365)));
            return null;
        });
        try (var c = ownerConnection(a.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, attempts, version, created_by from outbox where id = '" + id + "'")) {
            assertThat(rs.next()).as("still there").isTrue();
            assertThat(rs.getString(1)).isEqualTo("pending");
            assertThat(rs.getInt(2)).isZero();
            assertThat(rs.getLong(3)).isZero();
            assertThat(rs.getString(4)).isEqualTo(a.admin().auditName());
        }
        java.util.List<OutboxRepository.Due> due = tx.write(a.admin(), scope -> OutboxRepository.lockDue(scope, 100));
        assertThat(due).anyMatch(d -> d.id().equals(id));
    }
}
