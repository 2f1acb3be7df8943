package org.tomoni.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reading the audit trails: a tenant admin reads the tenant's log ({@link Capability#AUDIT_READ}), the platform operator
 * the platform's own log ({@link Capability#PLATFORM_AUDIT_READ}); newest first, filtered by who, what, when (days in
 * Tokyo) and which record, a page at a time or as CSV streamed from the database through a temporary file. Each export
 * is itself an entry ({@code audit_log.export}, {@code platform_audit_log.export}) naming how many rows it held.
 */
@Singleton
public class AuditLog {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final int FETCH_SIZE = 1000;
    /** Counted exactly up to here (a few milliseconds on an index); beyond, {@link AuditPage#totalCapped()}. */
    public static final int COUNT_CAP = 10_000;
    /** Words for people first (who, what, which record, result), then the codes a program or an investigation matches on. */
    static final List<String> CSV_HEADER = List.of("日時", "実行者", "操作", "対象", "対象ID", "結果", "接続元", "実行者（記録上の名前）",
        "実行者ID", "操作コード", "対象の種類コード");

    /**
     * How an export words its entries for people. The screens pass their labels (a colleague's name, the action in the
     * reader's language); {@link #CODES} writes the recorded names and codes as they are (the API's export).
     */
    public interface Wording {
        Wording CODES = new Wording() {
        };

        default String who(AuditEntry e) {
            return e.actorName();
        }

        default String action(String code) {
            return code;
        }

        default String target(@Nullable String type) {
            return type;
        }

        default String outcome(String outcome) {
            return outcome;
        }
    }

    private final TenantTransactions tx;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    AuditLog(TenantTransactions tx, AccessPolicy policy, AuditTrail audit) {
        this.tx = tx;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * The filters as asked (all optional): {@code actor} an audit name's principal (a user's id, or {@code scheduler},
     * {@code public-signup}, …), {@code action} a code ({@code person.update}), {@code from}/{@code to} days in Tokyo
     * (both included), {@code targetType} ({@code person}) and {@code targetId} (only with a type).
     */
    @Serdeable
    public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String from, @Nullable String to,
                             @Nullable String targetType, @Nullable String targetId) {
        public static AuditQuery none() {
            return new AuditQuery(null, null, null, null, null, null);
        }
    }

    /** One entry; {@code actorName} is the audit name (the UI shows it as a name), {@code outcome} success, failure or denied. */
    @Serdeable
    public record AuditEntry(UUID id, OffsetDateTime occurredAt, @Nullable UUID actorId, String actorName, String action,
                             @Nullable String targetType, @Nullable String targetId, String outcome, @Nullable String clientAddress) {
    }

    /**
     * A page of entries: {@code total} counts the matching entries up to {@link #COUNT_CAP}; {@code totalCapped} says the log
     * holds at least that many (narrow the filters, or page on: counting a large log whole for every page is slow).
     */
    @Serdeable
    public record AuditPage(List<AuditEntry> items, long total, boolean totalCapped, int page, int size) {
        static AuditPage of(List<AuditEntry> items, long counted, PageRequest request) {
            boolean capped = counted > COUNT_CAP;
            return new AuditPage(items, capped ? COUNT_CAP : counted, capped, request.page(), request.size());
        }
    }

    /** The checked filter: the actor's audit names, the action, the half-open time range, the target. */
    record Filter(List<String> actorNames, String action, OffsetDateTime from, OffsetDateTime before, String targetType, String targetId) {
    }

    public Outcome<AuditPage> list(Actor actor, AuditQuery query, PageRequest page) {
        if (policy.check(actor, Capability.AUDIT_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return filter(query, actor.tenantSlug()).flatMap(f -> tx.read(actor, scope ->
            Outcome.ok(AuditPage.of(AuditLogRepository.page(scope, f, page.offset(), page.size()),
            AuditLogRepository.count(scope, f, COUNT_CAP + 1), page))));
    }

    /** A window of the tenant's entries, newest first, without counting them all: for a list that loads as it scrolls. */
    public Outcome<List<AuditEntry>> entries(Actor actor, AuditQuery query, long offset, int limit) {
        if (policy.check(actor, Capability.AUDIT_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return filter(query, actor.tenantSlug()).flatMap(f -> tx.read(actor, scope ->
            Outcome.ok(AuditLogRepository.page(scope, f, Math.max(0, offset), window(limit)))));
    }

    public Outcome<AuditPage> platformList(Actor actor, AuditQuery query, PageRequest page) {
        if (policy.check(actor, Capability.PLATFORM_AUDIT_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return filter(query, null).flatMap(f -> tx.platform(actor.auditName(), scope ->
            Outcome.ok(AuditPage.of(AuditLogRepository.platformPage(scope, f, page.offset(), page.size()),
            AuditLogRepository.platformCount(scope, f, COUNT_CAP + 1), page))));
    }

    /** As {@link #entries}, of the platform's log. */
    public Outcome<List<AuditEntry>> platformEntries(Actor actor, AuditQuery query, long offset, int limit) {
        if (policy.check(actor, Capability.PLATFORM_AUDIT_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return filter(query, null).flatMap(f -> tx.platform(actor.auditName(), scope ->
            Outcome.ok(AuditLogRepository.platformPage(scope, f, Math.max(0, offset), window(limit)))));
    }

    private static int window(int limit) {
        return Math.min(PageRequest.MAX_SIZE, Math.max(1, limit));
    }

    /** The tenant's filtered entries as CSV (Japanese headers, the encoding asked for), audited as one export. */
    public Outcome<ExcelCsv.CsvFile> export(Actor actor, AuditQuery query, ExcelCsv.Encoding encoding) {
        return export(actor, query, encoding, Wording.CODES);
    }

    /** The same, worded for people by {@code wording}. */
    public Outcome<ExcelCsv.CsvFile> export(Actor actor, AuditQuery query, ExcelCsv.Encoding encoding, Wording wording) {
        if (policy.check(actor, Capability.AUDIT_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return filter(query, actor.tenantSlug()).flatMap(f -> tx.write(actor, scope -> {
            int[] count = {0};
            Outcome<ExcelCsv.CsvFile> file;
            try (Stream<AuditEntry> rows = AuditLogRepository.stream(scope, f, FETCH_SIZE)) {
                file = csv(encoding, rows, count, wording);
            }
            if (file.isOk()) {
                audit.record(scope, "audit_log.export", "audit_log", count[0] + " rows", Result.SUCCESS);
            }
            return file;
        }));
    }

    /** The platform's filtered entries as CSV, audited in the platform log. */
    public Outcome<ExcelCsv.CsvFile> platformExport(Actor actor, AuditQuery query, ExcelCsv.Encoding encoding) {
        return platformExport(actor, query, encoding, Wording.CODES);
    }

    /** The same, worded for people by {@code wording}. */
    public Outcome<ExcelCsv.CsvFile> platformExport(Actor actor, AuditQuery query, ExcelCsv.Encoding encoding, Wording wording) {
        if (policy.check(actor, Capability.PLATFORM_AUDIT_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return filter(query, null).flatMap(f -> tx.platform(actor.auditName(), scope -> {
            int[] count = {0};
            Outcome<ExcelCsv.CsvFile> file;
            try (Stream<AuditEntry> rows = AuditLogRepository.platformStream(scope, f, FETCH_SIZE)) {
                file = csv(encoding, rows, count, wording);
            }
            if (file.isOk()) {
                audit.record(scope, actor, "platform_audit_log.export", "platform_audit_log", count[0] + " rows", Result.SUCCESS);
            }
            return file;
        }));
    }

    private static Outcome<ExcelCsv.CsvFile> csv(ExcelCsv.Encoding encoding, Stream<AuditEntry> rows, int[] count, Wording words) {
        return ExcelCsv.exportFile(encoding, CSV_HEADER, printer -> {
            for (AuditEntry e : (Iterable<AuditEntry>) rows::iterator) {
                printer.printRecord(CSV_TIME.format(e.occurredAt().atZoneSameInstant(TOKYO)), ExcelCsv.cell(words.who(e)),
                    ExcelCsv.cell(words.action(e.action())), ExcelCsv.cell(words.target(e.targetType())), ExcelCsv.cell(e.targetId()),
                    ExcelCsv.cell(words.outcome(e.outcome())), ExcelCsv.cell(e.clientAddress()), ExcelCsv.cell(e.actorName()),
                    e.actorId() == null ? "" : e.actorId().toString(), ExcelCsv.cell(e.action()), ExcelCsv.cell(e.targetType()));
                count[0]++;
            }
        });
    }

    /** Every bad field at once; {@code slug} the tenant's, so that a user's id matches the names it wrote. */
    static Outcome<Filter> filter(AuditQuery q, String slug) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        String actor = f.optional("actor", q.actor(), 200);
        String action = code(f, "action", q.action());
        LocalDate from = f.date("from", q.from(), null);
        LocalDate to = f.date("to", q.to(), null);
        f.dateOrder("from", from, "to", to);
        String targetType = code(f, "targetType", q.targetType());
        String targetId = f.optional("targetId", q.targetId(), 200);
        if (targetId != null && targetType == null && q.targetType() == null) {
            errors.add(FieldError.of("targetType", "required"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        List<String> names = actor == null ? List.of() : slug == null || actor.endsWith("@" + slug) ? List.of(actor)
            : List.of(actor, actor + "@" + slug);
        return Outcome.ok(new Filter(names, action,
            from == null ? null : from.atStartOfDay(TOKYO).toOffsetDateTime(),
            to == null ? null : to.plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime(), targetType, targetId));
    }

    private static String code(Fields f, String field, String raw) {
        String value = f.optional(field, raw, 100);
        if (value != null && !CODE.matcher(value).matches()) {
            f.error(field, "invalid");
            return null;
        }
        return value;
    }
}
