package org.tomoni.platform.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the {@link Outbox}: a loop of its own, on by default (MAIL_SENDER_ENABLED) and not tied to
 * the billing schedule. Every poll interval, and at once when a local commit queued mail, it takes
 * each tenant's due rows with {@code FOR UPDATE SKIP LOCKED} (so nodes share the work and never send
 * a row twice at once) and hands them to SMTP. A failed attempt is retried after
 * {@code backoff × 2^(attempts-1)} (capped at {@code max-backoff}); after {@code max-attempts} the row
 * is marked failed, with the last error, and logged. Delivery is at least once: a crash between the
 * server's acceptance and the commit sends that mail again.
 */
@Context
@Requires(property = "platform.mail.sender.enabled", value = "true", defaultValue = "true")
public class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 50;
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final Mailer mailer;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration keep;
    private final ScheduledExecutorService loop;
    private final Set<UUID> nudged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();
    private volatile boolean running = true;
    private long lastPrune = System.nanoTime();

    MailSender(TenantTransactions tx, TenantRegistry tenants, Mailer mailer, Outbox outbox,
               @Value("${platform.mail.sender.poll-interval:2s}") Duration pollInterval,
               @Value("${platform.mail.sender.max-attempts:8}") int maxAttempts,
               @Value("${platform.mail.sender.backoff:30s}") Duration backoff,
               @Value("${platform.mail.sender.max-backoff:1h}") Duration maxBackoff,
               @Value("${platform.mail.sender.keep:7d}") Duration keep) {
        this.tx = tx;
        this.tenants = tenants;
        this.mailer = mailer;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.keep = keep;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-sender");
            t.setDaemon(true);
            return t;
        });
        outbox.onCommitted(this::nudge);
        loop.scheduleWithFixedDelay(this::pollAll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A local transaction committed mail for this tenant: send it now rather than at the next poll. */
    void nudge(UUID tenantId) {
        nudged.add(tenantId);
        if (running && nudgeQueued.compareAndSet(false, true)) {
            try {
                loop.execute(this::drainNudged);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // Shutting down: the next start's poll sends it.
            }
        }
    }

    private void drainNudged() {
        nudgeQueued.set(false);
        for (UUID tenantId : List.copyOf(nudged)) {
            nudged.remove(tenantId);
            safely(() -> drain(tenantId));
        }
    }

    private void pollAll() {
        safely(() -> {
            List<UUID> tenantIds = tenants.ids();
            boolean pruning = System.nanoTime() - lastPrune > TimeUnit.HOURS.toNanos(1);
            for (UUID tenantId : tenantIds) {
                if (!running) {
                    return;
                }
                drain(tenantId);
                if (pruning) {
                    prune(tenantId);
                }
            }
            if (pruning) {
                lastPrune = System.nanoTime();
            }
        });
    }

    private void safely(Runnable work) {
        if (!running) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            // The database may not be migrated yet at start, or be briefly unreachable: the next poll tries again.
            LOG.debug("Mail sender poll failed: {}", e.toString());
        }
    }

    /** Sends every due mail of one tenant, batch by batch; rows another node holds are skipped. */
    void drain(UUID tenantId) {
        while (running && drainBatch(tenantId) == BATCH) {
            // A full batch: there may be more due.
        }
    }

    private int drainBatch(UUID tenantId) {
        return tx.write(actor(tenantId), scope -> {
            List<OutboxRepository.Due> due = OutboxRepository.lockDue(scope, BATCH);
            for (OutboxRepository.Due row : due) {
                int attempts = row.attempts() + 1;
                Mailer.Attempt attempt = mailer.send(row.mail());
                switch (attempt.delivery()) {
                    case SENT -> OutboxRepository.finish(scope, row.id(), attempts, OutboxStatus.SENT, null);
                    case NOT_CONFIGURED -> OutboxRepository.finish(scope, row.id(), attempts, OutboxStatus.UNSENT, null);
                    case FAILED -> {
                        if (attempts >= maxAttempts) {
                            LOG.error("Mail {} of tenant {} to {} failed {} times; giving up: {}", row.id(), tenantId, Mailer.masked(row.mail().to()),
                                attempts, attempt.error());
                            OutboxRepository.finish(scope, row.id(), attempts, OutboxStatus.FAILED, attempt.error());
                        } else {
                            OutboxRepository.retryLater(scope, row.id(), attempts, attempt.error(), delay(attempts));
                        }
                    }
                    default -> throw new IllegalStateException(attempt.delivery().name());
                }
            }
            return due.size();
        });
    }

    /** The wait before the next attempt after {@code attempts} failed ones: backoff, doubled each time, capped. */
    Duration delay(int attempts) {
        Duration d = backoff;
        for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** Sent and unsent mails are kept a while for support questions, then deleted (they hold personal data and donor links). */
    private void prune(UUID tenantId) {
        tx.write(actor(tenantId), scope -> OutboxRepository.prune(scope, scope.now().minus(keep)));
    }

    /** The sender acts in each tenant as a job holding no capability; its changes are recorded as {@code mail-sender}. */
    private static Actor actor(UUID tenantId) {
        return NarrowActors.job("mail-sender", tenantId, null);
    }

    @PreDestroy
    void stop() {
        running = false;
        loop.shutdown();
        try {
            loop.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
