package org.tomoni.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server is down (nothing listens on its port) until a test starts it: mail is retried
 * with exponential backoff, delivered once the server is back, and given up after the last attempt.
 */
@MicronautTest(transactional = false)
class OutboxRetryIT extends PlatformTest {
    int port;
    GreenMail smtp;
    TestTenant t;

    @Override
    protected Map<String, String> extraProperties() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("platform.mail.host", "127.0.0.1", "platform.mail.port", Integer.toString(port),
            "platform.mail.sender.backoff", "100ms", "platform.mail.sender.max-attempts", "6");
    }

    @AfterAll
    void stopMail() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeAll
    void createTenant() {
        t = tenants().create("outbox-retry");
    }

    @Test
    void while_smtp_is_down_a_mail_is_retried_with_growing_delays_and_given_up_after_the_last_attempt_then_delivered_once_it_is_back()
        throws Exception {
        queue("given-up@example.jp");
        Row gaveUp = awaitRow("given-up@example.jp", r -> !"pending".equals(r.status()), 15_000);
        assertThat(gaveUp.status()).isEqualTo("failed");
        assertThat(gaveUp.attempts()).isEqualTo(6);
        assertThat(gaveUp.lastError()).isNotBlank();

        queue("retried@example.jp");
        List<Long> delays = new ArrayList<>();
        awaitRow("retried@example.jp", r -> {
            if (r.attempts() > delays.size() && r.attempts() <= 3) {
                delays.add(r.delayMillis());
            }
            return r.attempts() >= 3;
        }, 15_000);
        assertThat(delays).as("each failure waits twice as long as the last").hasSizeGreaterThanOrEqualTo(2);
        assertThat(delays.get(0)).isBetween(80L, 150L);
        assertThat(delays.get(1)).isBetween(180L, 250L);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Row delivered = awaitRow("retried@example.jp", r -> "sent".equals(r.status()), 15_000);
        assertThat(delivered.status()).isEqualTo("sent");
        assertThat(delivered.attempts()).isGreaterThan(3);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("retried@example.jp");
    }

    record Row(String status, int attempts, String lastError, long delayMillis) {
    }

    private void queue(String to) {
        context.getBean(TenantTransactions.class).write(t.admin(), scope -> {
            context.getBean(Outbox.class).mail(scope, "test", new Mailer.Mail(to, "テスト", "再送の確認", "本文"));
            return null;
        });
    }

    private Row awaitRow(String to, java.util.function.Predicate<Row> done, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Row row = null;
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = s.executeQuery("select status, attempts, last_error, "
                    + "cast(extract(epoch from next_attempt_at - updated_at) * 1000 as bigint) from outbox where recipient = '" + to + "'")) {
                    rs.next();
                    row = new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4));
                }
                if (done.test(row)) {
                    return row;
                }
                Thread.sleep(10);
            }
        }
        return row;
    }
}
