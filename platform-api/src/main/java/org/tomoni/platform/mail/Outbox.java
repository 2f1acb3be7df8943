package org.tomoni.platform.mail;

import jakarta.inject.Singleton;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The transactional outbox: every mail the platform sends is a row written here in the same
 * transaction as the change that causes it (a sign-up, a donor's change, a reconciled batch).
 * A rollback therefore sends nothing, and a crash after commit loses nothing: the
 * {@link MailSender} delivers committed rows, retrying with backoff. On commit the local sender
 * is nudged so the mail leaves at once rather than at its next poll.
 */
@Singleton
public class Outbox {
    private final TenantTransactions tx;
    private volatile Consumer<UUID> committed = tenantId -> { };

    Outbox(TenantTransactions tx) {
        this.tx = tx;
    }

    /**
     * Queues a mail inside the caller's transaction ({@code scope}, of the tenant whose change causes it);
     * {@code kind} names what the mail is about, for operators. The row records the scope's actor.
     */
    public void mail(TenantScope scope, String kind, Mailer.Mail mail) {
        Objects.requireNonNull(mail.to(), "recipient");
        OutboxRepository.insert(scope, kind, mail);
        UUID tenantId = scope.tenantId();
        tx.afterCommit(() -> committed.accept(tenantId));
    }

    /** The local sender asks to hear of commits that queued mail. */
    void onCommitted(Consumer<UUID> listener) {
        committed = listener;
    }
}
