package org.tomoni.platform.members.people;

import org.tomoni.platform.members.branches.BranchesTable;
import org.tomoni.platform.members.organizations.OrganizationsTable;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/**
 * People as CSV for Excel: export with a Japanese header row, import with Japanese or API
 * (English) headers. An import is all or nothing: every bad row and field is reported and, if
 * any, nothing is written. Rows update the person with the same ID, member number or e-mail;
 * the rest are created.
 */
@Singleton
public class PeopleCsv {
    private final AccessPolicy policy;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int CHUNK = 1000;

    /** One column: the API field name, the Japanese header, and how a person shows in it. */
    record Column(String field, String japanese, Function<Row, Object> value) {
    }

    /** A person with their branch's name, as exported. */
    record Row(PersonView person, String branchName) {
    }

    static final List<Column> COLUMNS = List.of(
        new Column("memberNumber", "会員番号", r -> r.person().memberNumber()),
        new Column("familyName", "姓", r -> r.person().familyName()),
        new Column("givenName", "名", r -> r.person().givenName()),
        new Column("familyNameKana", "セイ", r -> r.person().familyNameKana()),
        new Column("givenNameKana", "メイ", r -> r.person().givenNameKana()),
        new Column("birthDate", "生年月日", r -> r.person().birthDate()),
        new Column("email", "メールアドレス", r -> r.person().email()),
        new Column("phone", "電話番号", r -> JapaneseText.formatPhone(r.person().phone())),
        new Column("postalCode", "郵便番号", r -> JapaneseText.formatPostalCode(r.person().postalCode())),
        new Column("prefecture", "都道府県", r -> r.person().prefecture()),
        new Column("city", "市区町村", r -> r.person().city()),
        new Column("addressLine1", "町名・番地", r -> r.person().addressLine1()),
        new Column("addressLine2", "建物名", r -> r.person().addressLine2()),
        new Column("branch", "支部", Row::branchName),
        new Column("newsletterConsent", "ニュースレター", r -> flag(r.person().newsletterConsent())),
        new Column("noPostalMail", "郵送不可", r -> flag(r.person().noPostalMail())),
        new Column("noEmail", "メール不可", r -> flag(r.person().noEmail())),
        new Column("deceasedOn", "死亡日", r -> r.person().deceasedOn()),
        new Column("sensitive", "要配慮", r -> flag(r.person().sensitive())),
        new Column("notes", "備考", r -> r.person().notes()),
        new Column("id", "ID", r -> r.person().id()));

    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    PeopleCsv(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** How an import ended. */
    @Serdeable
    public record ImportResult(int rows, int created, int updated, int possibleDuplicates) {
    }

    public Outcome<byte[]> export(Actor actor, ExcelCsv.Encoding encoding, PeopleFilter filter) {
        return policy.check(actor, Capability.PEOPLE_READ).<byte[]>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Map<UUID, String> branches = branchNames(dsl, actor.tenantId());
            int[] count = {0};
            Outcome<byte[]> bytes = ExcelCsv.export(encoding, COLUMNS.stream().map(Column::japanese).toList(), printer -> {
                try (var cursor = PeopleTable.cursor(dsl, actor.tenantId(), filter, policy.seesSensitive(actor))) {
                    for (Record r : cursor) {
                        PersonView p = PeopleTable.toView(r);
                        Row row = new Row(p, p.branchId() == null ? null : branches.get(p.branchId()));
                        List<String> cells = new ArrayList<>(COLUMNS.size());
                        for (Column c : COLUMNS) {
                            cells.add(ExcelCsv.cell(c.value().apply(row)));
                        }
                        printer.printRecord(cells);
                        count[0]++;
                    }
                }
            });
            if (bytes.isOk()) {
                audit.record(dsl, actor, "people.export", "people", count[0] + " rows", Result.SUCCESS);
            }
            return bytes;
        }));
    }

    public Outcome<ImportResult> importCsv(Actor actor, byte[] body) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<ImportResult>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor.tenantId(), dsl -> {
            Parsed parsed = parse(body);
            if (!parsed.errors().isEmpty()) {
                return new Outcome.Rejected<ImportResult>(ErrorCode.UNPROCESSABLE_FILE, parsed.errors());
            }
            Plan plan = plan(dsl, actor, parsed.records(), parsed.columns());
            if (!plan.errors().isEmpty()) {
                return new Outcome.Rejected<ImportResult>(ErrorCode.UNPROCESSABLE_FILE, plan.errors());
            }
            OffsetDateTime now = Columns.now(clock);
            insert(dsl, actor, plan.creates(), now);
            update(dsl, actor, plan.updates(), now);
            audit.record(dsl, actor, "people.import", "people", plan.creates().size() + " created, " + plan.updates().size() + " updated",
                Result.SUCCESS);
            return Outcome.ok(new ImportResult(parsed.records().size(), plan.creates().size(), plan.updates().size(), plan.possibleDuplicates()));
        })));
    }

    private record Parsed(List<CSVRecord> records, Map<String, Integer> columns, List<FieldError> errors) {
    }

    private record Plan(List<PersonData> creates, Map<UUID, PersonData> updates, List<FieldError> errors, int possibleDuplicates) {
    }

    /** Reads the file: either encoding, Japanese or English headers. */
    private static Parsed parse(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        List<CSVRecord> records = List.of();
        try (CSVParser parser = CSVParser.parse(new StringReader(ExcelCsv.decode(body)), CSVFormat.EXCEL.builder().build())) {
            List<CSVRecord> all = parser.getRecords();
            if (all.isEmpty()) {
                errors.add(FieldError.atRow(1, null, "empty_file"));
                return new Parsed(List.of(), columns, errors);
            }
            CSVRecord header = all.get(0);
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                String field = fieldOf(name);
                if (field == null) {
                    if (!name.isEmpty()) {
                        errors.add(new FieldError(name, "unknown_column", null, 1));
                    }
                } else {
                    columns.put(field, i);
                }
            }
            records = all.subList(1, all.size());
            if (records.isEmpty()) {
                errors.add(FieldError.atRow(2, null, "empty_file"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(FieldError.atRow(1, null, "malformed_csv"));
        }
        return new Parsed(records, columns, errors);
    }

    private static String fieldOf(String header) {
        for (Column c : COLUMNS) {
            if (c.japanese().equals(header) || c.field().equalsIgnoreCase(header)) {
                return c.field();
            }
        }
        return null;
    }

    /** Validates every row and decides, for each, create or update. */
    private Plan plan(DSLContext dsl, Actor actor, List<CSVRecord> records, Map<String, Integer> columns) {
        UUID tenantId = actor.tenantId();
        boolean sensitive = policy.seesSensitive(actor);
        Map<String, UUID> branches = new HashMap<>();
        branchNames(dsl, tenantId).forEach((id, name) -> branches.put(name, id));
        Map<Long, UUID> byNumber = new HashMap<>();
        Map<String, List<UUID>> byEmail = new HashMap<>();
        Set<UUID> visible = new HashSet<>();
        Map<Long, UUID> numberOwners = new HashMap<>();
        Set<UUID> flagged = new HashSet<>();
        var existing = dsl.select(ID, PeopleTable.MEMBER_NUMBER, PeopleTable.EMAIL, PeopleTable.SENSITIVE, PeopleTable.PHONE,
                PeopleTable.FAMILY_NAME_KANA, PeopleTable.GIVEN_NAME_KANA, PeopleTable.BIRTH_DATE).from(PeopleTable.PEOPLE)
            .where(TENANT_ID.eq(tenantId), PeopleTable.ARCHIVED_AT.isNull()).fetch();
        Set<String> known = new HashSet<>();
        for (var r : existing) {
            known.addAll(duplicateKeys(r.value3(), r.value5(), r.value6(), r.value7(), r.value8()));
            if (r.value2() != null) {
                numberOwners.put(r.value2(), r.value1());
            }
            if (Boolean.TRUE.equals(r.value4())) {
                flagged.add(r.value1());
            }
            if (!sensitive && r.value4()) {
                continue;
            }
            visible.add(r.value1());
            if (r.value2() != null) {
                byNumber.put(r.value2(), r.value1());
            }
            if (r.value3() != null) {
                byEmail.computeIfAbsent(r.value3(), k -> new ArrayList<>()).add(r.value1());
            }
        }
        dsl.select(OrganizationsTable.MEMBER_NUMBER, ID).from(OrganizationsTable.ORGANIZATIONS)
            .where(TENANT_ID.eq(tenantId), OrganizationsTable.MEMBER_NUMBER.isNotNull()).forEach(r -> numberOwners.put(r.value1(), r.value2()));

        List<FieldError> errors = new ArrayList<>();
        List<PersonData> creates = new ArrayList<>();
        Map<UUID, PersonData> updates = new HashMap<>();
        Set<Long> numbersInFile = new HashSet<>();
        Set<String> emailsInFile = new HashSet<>();
        int duplicates = 0;
        LocalDate today = LocalDate.now(clock.withZone(TOKYO));
        for (int i = 0; i < records.size(); i++) {
            CSVRecord rec = records.get(i);
            int line = i + 2;
            Fields f = new Fields();
            Function<String, String> cell = field -> {
                Integer index = columns.get(field);
                return index == null || index >= rec.size() ? null : ExcelCsv.uncell(rec.get(index));
            };
            String branchName = JapaneseText.clean(cell.apply("branch"));
            UUID branchId = branchName == null ? null : branches.get(branchName);
            if (branchName != null && branchId == null) {
                f.error("branch", "not_found");
            }
            Boolean sensitiveCell = bool(f, "sensitive", cell);
            PersonRequest request = new PersonRequest(cell.apply("familyName"), cell.apply("givenName"), cell.apply("familyNameKana"),
                cell.apply("givenNameKana"), cell.apply("birthDate"), cell.apply("email"), cell.apply("phone"), cell.apply("postalCode"),
                cell.apply("prefecture"), cell.apply("city"), cell.apply("addressLine1"), cell.apply("addressLine2"), cell.apply("notes"),
                cell.apply("memberNumber"), branchId == null ? null : branchId.toString(), bool(f, "newsletterConsent", cell),
                bool(f, "noPostalMail", cell), bool(f, "noEmail", cell), cell.apply("deceasedOn"), sensitiveCell);
            PersonData data = PersonPolicy.read(f, request, today);
            if (data.sensitive() && !sensitive) {
                f.error("sensitive", "forbidden");
            }
            UUID target = target(f, cell.apply("id"), data, byNumber, byEmail, visible);
            if (data.memberNumber() != null) {
                UUID owner = numberOwners.get(data.memberNumber());
                if (owner != null && !owner.equals(target)) {
                    f.error("memberNumber", "taken");
                }
                if (!numbersInFile.add(data.memberNumber())) {
                    f.error("memberNumber", "duplicate_in_file");
                }
            }
            if (data.email() != null && target == null && !emailsInFile.add(data.email())) {
                f.error("email", "duplicate_in_file");
            }
            if (target != null && updates.containsKey(target)) {
                f.error("id", "duplicate_in_file");
            }
            if (!f.ok()) {
                f.errors().forEach(e -> errors.add(new FieldError(e.field(), e.code(), null, line)));
            } else if (target == null) {
                creates.add(data);
                List<String> keys = duplicateKeys(data.email(), data.phone(), data.familyNameKana(), data.givenNameKana(), data.birthDate());
                if (keys.stream().anyMatch(known::contains)) {
                    duplicates++;
                }
                known.addAll(keys);
            } else {
                // No column, or an empty cell, keeps the stored flag: an import never exposes a child by leaving it out.
                updates.put(target, sensitiveCell == null ? data.withSensitive(flagged.contains(target)) : data);
            }
        }
        return new Plan(creates, updates, errors, duplicates);
    }

    /** What makes two people likely the same (see {@link Duplicates}), as lookup keys. */
    private static List<String> duplicateKeys(String email, String phone, String familyKana, String givenKana, LocalDate birth) {
        List<String> keys = new ArrayList<>(3);
        if (email != null) {
            keys.add("e:" + email);
        }
        if (phone != null) {
            keys.add("p:" + phone);
        }
        if (birth != null) {
            keys.add("k:" + familyKana + "|" + givenKana + "|" + birth);
        }
        return keys;
    }

    /** The person a row updates: by ID, else member number, else a unique e-mail; null creates. */
    private static UUID target(Fields f, String idCell, PersonData data, Map<Long, UUID> byNumber, Map<String, List<UUID>> byEmail,
                               Set<UUID> visible) {
        String idText = JapaneseText.fold(idCell);
        if (idText != null) {
            UUID id = Ids.parse(idText).filter(visible::contains).orElse(null);
            if (id == null) {
                f.error("id", "not_found");
            }
            return id;
        }
        if (data.memberNumber() != null && byNumber.containsKey(data.memberNumber())) {
            return byNumber.get(data.memberNumber());
        }
        if (data.email() != null) {
            List<UUID> matches = byEmail.getOrDefault(data.email(), List.of());
            if (matches.size() == 1) {
                return matches.get(0);
            }
        }
        return null;
    }

    private static Boolean bool(Fields f, String field, Function<String, String> cell) {
        String v = JapaneseText.fold(cell.apply(field));
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "はい", "○", "〇", "有" -> {
                return true;
            }
            case "0", "false", "no", "n", "いいえ", "×", "無" -> {
                return false;
            }
            default -> {
                f.error(field, "boolean");
                return false;
            }
        }
    }

    private static void insert(DSLContext dsl, Actor actor, List<PersonData> creates, OffsetDateTime now) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(TENANT_ID);
        fields.add(ID);
        if (creates.isEmpty()) {
            return;
        }
        List<Field<?>> valueFields = new ArrayList<>(PeopleTable.values(creates.get(0)).keySet());
        fields.addAll(valueFields);
        fields.addAll(List.of(CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY));
        for (int from = 0; from < creates.size(); from += CHUNK) {
            var insert = dsl.insertInto(PeopleTable.PEOPLE, fields);
            for (PersonData p : creates.subList(from, Math.min(creates.size(), from + CHUNK))) {
                UUID id = Ids.newId();
                List<Object> values = new ArrayList<>(fields.size());
                values.add(actor.tenantId());
                values.add(id);
                values.addAll(PeopleTable.values(p).values());
                values.addAll(List.of(now, actor.auditName(), now, actor.auditName()));
                insert = insert.values(values);
            }
            insert.execute();
        }
    }

    private static void update(DSLContext dsl, Actor actor, Map<UUID, PersonData> updates, OffsetDateTime now) {
        List<Query> queries = new ArrayList<>();
        updates.forEach((id, p) -> queries.add(dsl.update(PeopleTable.PEOPLE).set(PeopleTable.values(p)).set(UPDATED_AT, now)
            .set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id))));
        for (int from = 0; from < queries.size(); from += CHUNK) {
            dsl.batch(queries.subList(from, Math.min(queries.size(), from + CHUNK))).execute();
        }
    }

    public static Map<UUID, String> branchNames(DSLContext dsl, UUID tenantId) {
        Map<UUID, String> names = new HashMap<>();
        dsl.select(ID, BranchesTable.NAME).from(BranchesTable.BRANCHES).where(TENANT_ID.eq(tenantId), BranchesTable.ARCHIVED_AT.isNull())
            .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }
}
