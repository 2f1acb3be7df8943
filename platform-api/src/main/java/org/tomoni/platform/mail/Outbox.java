package org.tomoni.platform.mail;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The transactional outbox: every mail the platform sends is a row written here in the same
 * transaction as the change that causes it (a sign-up, a donor's change, a reconciled batch).
 * A rollback therefore sends nothing, and a crash after commit loses nothing: the
 * {@link MailSender} delivers committed rows, retrying with backoff. On commit the local sender
 * is nudged so the mail leaves at once rather than at its next poll.
 */
@Singleton
public class Outbox {
    static final Table<Record> OUTBOX = table(name("outbox"));
    static final Field<String> KIND = Columns.text("kind");
    static final Field<String> RECIPIENT = Columns.text("recipient");
    static final Field<String> FROM_NAME = Columns.text("from_name");
    static final Field<String> SUBJECT = Columns.text("subject");
    static final Field<String> BODY = Columns.text("body");
    static final Field<String> STATUS = Columns.text("status");
    static final Field<Integer> ATTEMPTS = field(name("attempts"), SQLDataType.INTEGER);
    static final Field<OffsetDateTime> NEXT_ATTEMPT_AT = field(name("next_attempt_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> LAST_ERROR = Columns.text("last_error");
    static final Field<OffsetDateTime> SENT_AT = field(name("sent_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final TenantTransactions tx;
    private final Clock clock;
    private volatile Consumer<UUID> committed = tenantId -> { };

    Outbox(TenantTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Queues a mail inside the caller's transaction ({@code dsl} is that transaction's context, with
     * {@code tenantId} bound). {@code kind} names what the mail is about, for operators.
     */
    public void mail(DSLContext dsl, UUID tenantId, String kind, Mailer.Mail mail, String by) {
        Objects.requireNonNull(mail.to(), "recipient");
        OffsetDateTime now = Columns.now(clock);
        dsl.insertInto(OUTBOX)
            .set(Columns.TENANT_ID, tenantId).set(Columns.ID, Ids.newId()).set(KIND, kind)
            .set(RECIPIENT, mail.to()).set(FROM_NAME, mail.fromName()).set(SUBJECT, mail.subject()).set(BODY, mail.body())
            .set(Columns.CREATED_AT, now).set(Columns.CREATED_BY, by).set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, by)
            .execute();
        tx.afterCommit(() -> committed.accept(tenantId));
    }

    /** The local sender asks to hear of commits that queued mail. */
    void onCommitted(Consumer<UUID> listener) {
        committed = listener;
    }
}
