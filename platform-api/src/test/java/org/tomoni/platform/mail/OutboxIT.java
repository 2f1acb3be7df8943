package org.tomoni.platform.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.BillingSchedule;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestMail;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mail leaves through the outbox: only what committed, delivered by the sender of its own. */
@MicronautTest(transactional = false)
class OutboxIT extends PlatformTest {
    TestMail mail;
    TestTenant t;

    @Override
    protected Map<String, String> extraProperties() {
        mail = new TestMail();
        return mail.properties();
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @BeforeAll
    void createTenant() {
        t = tenants().create("outbox-test");
    }

    @Test
    void a_mail_queued_in_a_committed_transaction_is_delivered_by_the_sender_while_the_billing_schedule_is_off() throws Exception {
        assertThat(context.containsBean(BillingSchedule.class)).as("the schedule is off in tests").isFalse();
        queue("committed@example.jp", "確定したお知らせ", false);
        var received = mail.await("committed@example.jp", 1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("確定したお知らせ");
        assertThat(received.get(0).body()).contains("本文");
        assertThat(status("committed@example.jp")).isEqualTo("sent");
    }

    @Test
    void a_rolled_back_transaction_sends_nothing() throws Exception {
        assertThatThrownBy(() -> queue("rolled-back@example.jp", "取り消されたお知らせ", true)).isInstanceOf(IllegalStateException.class);
        context.getBean(TenantTransactions.class).write(t.admin(), scope -> {
            context.getBean(Outbox.class).mail(scope, "test", new Mailer.Mail("rejected@example.jp", "テスト", "却下", "本文"));
            return Outcome.rejected(ErrorCode.VALIDATION_FAILED);
        });
        // A mail committed after them arrives; the rolled-back ones, queued earlier, would have come first.
        queue("marker@example.jp", "後のお知らせ", false);
        assertThat(mail.await("marker@example.jp", 1)).hasSize(1);
        assertThat(mail.to("rolled-back@example.jp")).isEmpty();
        assertThat(mail.to("rejected@example.jp")).isEmpty();
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox where recipient in ('rolled-back@example.jp', 'rejected@example.jp')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    private void queue(String to, String subject, boolean fail) {
        context.getBean(TenantTransactions.class).write(t.admin(), scope -> {
            context.getBean(Outbox.class).mail(scope, "test", new Mailer.Mail(to, "テスト", subject, "本文です。"));
            if (fail) {
                throw new IllegalStateException("the change failed after the mail was queued");
            }
            return null;
        });
    }

    /** The row's status once the sender marked it (in its own transaction, just after the server accepted the mail). */
    private String status(String to) throws Exception {
        String status = null;
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            for (int i = 0; i < 50 && !"sent".equals(status); i++) {
                try (ResultSet rs = s.executeQuery("select status from outbox where recipient = '" + to + "'")) {
                    rs.next();
                    status = rs.getString(1);
                }
                Thread.sleep(100);
            }
        }
        return status;
    }
}
