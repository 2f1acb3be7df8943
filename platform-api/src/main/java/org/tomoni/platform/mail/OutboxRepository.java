package org.tomoni.platform.mail;

import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Ids;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.OUTBOX;

/**
 * The outbox's rows of one tenant: queued in the transaction of the change, then taken by the
 * sender and moved along {@link OutboxStatus}. The scope stamps tenant, audit columns and version.
 */
final class OutboxRepository {
    private OutboxRepository() {
    }

    /** A due row as the sender takes it. */
    record Due(UUID id, Mailer.Mail mail, int attempts) {
    }

    static UUID insert(TenantScope scope, String kind, Mailer.Mail mail) {
        UUID id = Ids.newId();
        scope.insertInto(OUTBOX).set(OUTBOX.ID, id).set(OUTBOX.KIND, kind).set(OUTBOX.RECIPIENT, mail.to())
            .set(OUTBOX.FROM_NAME, mail.fromName()).set(OUTBOX.SUBJECT, mail.subject()).set(OUTBOX.BODY, mail.body())
            .set(OUTBOX.STATUS, OutboxStatus.PENDING.code()).set(OUTBOX.NEXT_ATTEMPT_AT, scope.now()).execute();
        return id;
    }

    /** Up to {@code limit} pending rows due now, locked; rows another node holds are skipped. */
    static List<Due> lockDue(TenantScope scope, int limit) {
        return scope.dsl().select(OUTBOX.ID, OUTBOX.RECIPIENT, OUTBOX.FROM_NAME, OUTBOX.SUBJECT, OUTBOX.BODY, OUTBOX.ATTEMPTS)
            .from(OUTBOX)
            .where(scope.owns(OUTBOX), OUTBOX.STATUS.eq(OutboxStatus.PENDING.code()), OUTBOX.NEXT_ATTEMPT_AT.le(scope.now()))
            .orderBy(OUTBOX.NEXT_ATTEMPT_AT).limit(limit).forUpdate().skipLocked()
            .fetch(r -> new Due(r.get(OUTBOX.ID), new Mailer.Mail(r.get(OUTBOX.RECIPIENT), r.get(OUTBOX.FROM_NAME), r.get(OUTBOX.SUBJECT),
                r.get(OUTBOX.BODY)), r.get(OUTBOX.ATTEMPTS)));
    }

    /** The attempt ended the mail's way in {@code status} (sent, unsent or failed). */
    static void finish(TenantScope scope, UUID id, int attempts, OutboxStatus status, String error) {
        if (status == OutboxStatus.PENDING) {
            throw new IllegalArgumentException("pending is no end of a mail: use retryLater");
        }
        var update = scope.update(OUTBOX).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.STATUS, status.code());
        if (status == OutboxStatus.SENT) {
            update.set(OUTBOX.SENT_AT, scope.now()).set(OUTBOX.LAST_ERROR, (String) null);
        } else if (error != null) {
            update.set(OUTBOX.LAST_ERROR, error);
        }
        update.where(OUTBOX.ID.eq(id), OUTBOX.STATUS.eq(OutboxStatus.PENDING.code()));
    }

    /** A failed attempt before the last: pending again, due after {@code delay} (measured from the stamped updated_at). */
    static void retryLater(TenantScope scope, UUID id, int attempts, String error, Duration delay) {
        OffsetDateTime now = scope.now();
        scope.update(OUTBOX).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.LAST_ERROR, error).set(OUTBOX.NEXT_ATTEMPT_AT, now.plus(delay))
            .where(OUTBOX.ID.eq(id), OUTBOX.STATUS.eq(OutboxStatus.PENDING.code()));
    }

    /** Deletes the prunable rows last changed before {@code before}; how many. */
    static int prune(TenantScope scope, OffsetDateTime before) {
        List<String> done = Arrays.stream(OutboxStatus.values()).filter(OutboxStatus::prunable).map(OutboxStatus::code).toList();
        return scope.dsl().deleteFrom(OUTBOX).where(scope.owns(OUTBOX), OUTBOX.STATUS.in(done), OUTBOX.UPDATED_AT.lt(before)).execute();
    }
}
