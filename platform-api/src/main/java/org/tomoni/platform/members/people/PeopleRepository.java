package org.tomoni.platform.members.people;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.tomoni.platform.members.memberships.MembershipHolders;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.People;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.tomoni.platform.schema.Tables.PEOPLE;

/** The people aggregate: one row per person; the scope stamps tenant and audit columns. */
final class PeopleRepository {
    private static final People P = PEOPLE;
    private static final int CHUNK = 1000;

    private PeopleRepository() {
    }

    // ---- one person

    static void insert(TenantScope scope, UUID id, PersonData p) {
        scope.insertInto(P).set(P.ID, id).set(values(p)).execute();
    }

    /** Updates an active person still at {@code version}; the number of rows changed (0 or 1). */
    static int update(TenantScope scope, UUID id, long version, PersonData p) {
        return scope.update(P).set(values(p)).whereVersion(version, P.ID.eq(id), P.ARCHIVED_AT.isNull());
    }

    static int archive(TenantScope scope, UUID id) {
        return scope.update(P).set(P.ARCHIVED_AT, scope.now()).where(P.ID.eq(id), P.ARCHIVED_AT.isNull());
    }

    /** Un-archives a person archived by hand (not merged), visible to the caller; the number of rows changed (0 or 1). */
    static int restore(TenantScope scope, UUID id, boolean includeSensitive) {
        return scope.update(P).set(P.ARCHIVED_AT, (java.time.OffsetDateTime) null).where(P.ID.eq(id), P.ARCHIVED_AT.isNotNull(), P.MERGED_INTO.isNull(),
            includeSensitive ? DSL.noCondition() : P.SENSITIVE.isFalse());
    }

    /** An active person; sensitive ones only when {@code includeSensitive}. */
    static Optional<PersonView> find(TenantScope scope, UUID id, boolean includeSensitive) {
        return scope.dsl().select(viewFields()).from(P).where(visible(scope, includeSensitive), P.ID.eq(id))
            .fetchOptional(PeopleRepository::toView);
    }

    static boolean exists(TenantScope scope, UUID id, boolean includeSensitive) {
        return scope.dsl().fetchExists(DSL.selectOne().from(P).where(visible(scope, includeSensitive), P.ID.eq(id)));
    }

    // ---- lists

    static long count(TenantScope scope, PeopleFilter filter, boolean includeSensitive) {
        return scope.dsl().fetchCount(P, listCondition(scope, filter, includeSensitive));
    }

    static List<PersonView> page(TenantScope scope, PeopleFilter filter, boolean includeSensitive, PageRequest page) {
        return scope.dsl().select(viewFields()).from(P).where(listCondition(scope, filter, includeSensitive))
            .orderBy(P.SORT_KEY, P.ID).limit(page.size()).offset(page.offset())
            .fetch(PeopleRepository::toView);
    }

    /** Active people matching the filter in list order, read lazily for exports; close the stream. */
    static Stream<PersonView> stream(TenantScope scope, PeopleFilter filter, boolean includeSensitive) {
        return scope.dsl().select(viewFields()).from(P).where(listCondition(scope, filter, includeSensitive))
            .orderBy(P.SORT_KEY, P.ID).fetchSize(1000).fetchStream().map(PeopleRepository::toView);
    }

    /** Active people per branch, for the branch list's counts. */
    static Map<UUID, Long> countByBranch(TenantScope scope, Collection<UUID> branchIds) {
        Map<UUID, Long> counts = new HashMap<>();
        scope.dsl().select(P.BRANCH_ID, DSL.count()).from(P).where(scope.owns(P), P.BRANCH_ID.in(branchIds), P.ARCHIVED_AT.isNull())
            .groupBy(P.BRANCH_ID).forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** Archived by hand (not merged into another person). */
    private static Condition archived(TenantScope scope, boolean includeSensitive) {
        Condition c = scope.owns(P).and(P.ARCHIVED_AT.isNotNull()).and(P.MERGED_INTO.isNull());
        return includeSensitive ? c : c.and(P.SENSITIVE.isFalse());
    }

    private static Condition visible(TenantScope scope, boolean includeSensitive) {
        Condition c = scope.owns(P).and(P.ARCHIVED_AT.isNull());
        return includeSensitive ? c : c.and(P.SENSITIVE.isFalse());
    }

    private static Condition listCondition(TenantScope scope, PeopleFilter filter, boolean includeSensitive) {
        Condition c = (filter.archivedOnly() ? archived(scope, includeSensitive) : visible(scope, includeSensitive))
            .and(queryCondition(filter.q()));
        if (filter.branchId() != null) {
            c = c.and(P.BRANCH_ID.eq(filter.branchId()));
        }
        if (filter.newsletterConsent() != null) {
            c = c.and(P.NEWSLETTER_CONSENT.eq(filter.newsletterConsent()));
        }
        if (filter.noPostalMail() != null) {
            c = c.and(P.NO_POSTAL_MAIL.eq(filter.noPostalMail()));
        }
        if (filter.noEmail() != null) {
            c = c.and(P.NO_EMAIL.eq(filter.noEmail()));
        }
        if (filter.deceased() != null) {
            c = c.and(filter.deceased() ? P.DECEASED_ON.isNotNull() : P.DECEASED_ON.isNull());
        }
        if (filter.membershipStatus() != null) {
            c = c.and(MembershipHolders.holding(scope, P.ID, filter.membershipStatus()));
        }
        return c;
    }

    /** A query matches names, readings (any kana form), e-mail, phone digits or #member number. */
    private static Condition queryCondition(String query) {
        String q = JapaneseText.searchForm(query);
        if (q.isEmpty()) {
            return DSL.noCondition();
        }
        Condition match = P.SEARCH_TEXT.contains(q);
        String digits = JapaneseText.digits(query);
        if (digits != null && digits.length() >= 3 && !digits.equals(q)) {
            match = match.or(P.SEARCH_TEXT.contains(digits));
        }
        String plain = JapaneseText.fold(query).replace("#", "");
        if (plain.matches("\\d{1,12}")) {
            match = match.or(P.MEMBER_NUMBER.eq(Long.parseLong(plain)));
        }
        return match;
    }

    // ---- member numbers

    static boolean hasNoMemberNumber(TenantScope scope, UUID id) {
        return scope.dsl().fetchExists(P, scope.owns(P), P.ID.eq(id), P.MEMBER_NUMBER.isNull());
    }

    static void setMemberNumber(TenantScope scope, UUID id, long number) {
        scope.update(P).set(P.MEMBER_NUMBER, number).where(P.ID.eq(id));
    }

    // ---- duplicates

    /** A stored person as duplicate detection compares them. */
    record Match(UUID id, String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
                 String email, String phone) {
    }

    /** Active people other than {@code self} with the same reading and birth date, e-mail or phone as {@code p}; at most 20. */
    static List<Match> matches(TenantScope scope, PersonData p, UUID self, boolean includeSensitive) {
        Condition match = DSL.falseCondition();
        if (p.birthDate() != null) {
            match = match.or(P.FAMILY_NAME_KANA.eq(p.familyNameKana()).and(P.GIVEN_NAME_KANA.eq(p.givenNameKana()))
                .and(P.BIRTH_DATE.eq(p.birthDate())));
        }
        if (p.email() != null) {
            match = match.or(P.EMAIL.eq(p.email()));
        }
        if (p.phone() != null) {
            match = match.or(P.PHONE.eq(p.phone()));
        }
        Condition c = visible(scope, includeSensitive).and(match).and(self == null ? DSL.noCondition() : P.ID.ne(self));
        return scope.dsl().select(P.ID, P.FAMILY_NAME, P.GIVEN_NAME, P.FAMILY_NAME_KANA, P.GIVEN_NAME_KANA, P.BIRTH_DATE, P.EMAIL, P.PHONE)
            .from(P).where(c).orderBy(P.ID).limit(20)
            .fetch(r -> new Match(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** What two people share to be a likely pair. */
    enum Same { READING_AND_BIRTH_DATE, EMAIL, PHONE }

    /** Pairs of active people (first id &lt; second id) who share {@code same} and were not marked as not the same; at most 1000, in id order. */
    static List<DuplicatePair> pairs(TenantScope scope, Same same, boolean includeSensitive) {
        People a = P.as("a");
        People b = P.as("b");
        Condition shared = switch (same) {
            case READING_AND_BIRTH_DATE -> a.FAMILY_NAME_KANA.eq(b.FAMILY_NAME_KANA).and(a.GIVEN_NAME_KANA.eq(b.GIVEN_NAME_KANA))
                .and(a.BIRTH_DATE.eq(b.BIRTH_DATE));
            case EMAIL -> a.EMAIL.eq(b.EMAIL);
            case PHONE -> a.PHONE.eq(b.PHONE);
        };
        Condition c = scope.owns(a).and(scope.owns(b)).and(a.ID.lt(b.ID)).and(shared).and(a.ARCHIVED_AT.isNull()).and(b.ARCHIVED_AT.isNull())
            .and(DuplicateDismissalRepository.notDismissed(scope, a.ID, b.ID));
        if (!includeSensitive) {
            c = c.and(a.SENSITIVE.isFalse()).and(b.SENSITIVE.isFalse());
        }
        return scope.dsl().select(a.ID, a.FAMILY_NAME, a.GIVEN_NAME, a.FAMILY_NAME_KANA, a.GIVEN_NAME_KANA,
                b.ID, b.FAMILY_NAME, b.GIVEN_NAME, b.FAMILY_NAME_KANA, b.GIVEN_NAME_KANA)
            .from(a).join(b).on(c).orderBy(a.ID, b.ID).limit(1000)
            .fetch(r -> new DuplicatePair(
                new DuplicateCandidate(r.value1(), r.value2() + " " + r.value3(), r.value4() + " " + r.value5(), List.of()),
                new DuplicateCandidate(r.value6(), r.value7() + " " + r.value8(), r.value9() + " " + r.value10(), List.of()),
                List.of()));
    }

    // ---- merge

    /** Archives {@code duplicate} as merged into {@code survivor}, keeping or giving up its member number. */
    static void archiveMerged(TenantScope scope, UUID duplicate, UUID survivor, Long keepNumber) {
        scope.update(P).set(P.ARCHIVED_AT, scope.now()).set(P.MERGED_INTO, survivor).set(P.MEMBER_NUMBER, keepNumber)
            .where(P.ID.eq(duplicate));
    }

    /** Overwrites a person's fields (no version check: the merge holds both rows). */
    static void overwrite(TenantScope scope, UUID id, PersonData p) {
        scope.update(P).set(values(p)).where(P.ID.eq(id));
    }

    // ---- CSV import

    /** Overwrites many people at once, in one JDBC batch (an import's updates). */
    static void overwriteAll(TenantScope scope, java.util.Map<UUID, PersonData> people) {
        scope.batch(people.entrySet().stream().map(e -> scope.update(P).set(values(e.getValue())).statement(P.ID.eq(e.getKey()))).toList());
    }

    /** What an import matches rows against, per active person. */
    record ImportKey(UUID id, Long memberNumber, String email, boolean sensitive, String phone, String familyNameKana,
                     String givenNameKana, LocalDate birthDate) {
    }

    static List<ImportKey> importKeys(TenantScope scope) {
        return scope.dsl().select(P.ID, P.MEMBER_NUMBER, P.EMAIL, P.SENSITIVE, P.PHONE, P.FAMILY_NAME_KANA, P.GIVEN_NAME_KANA, P.BIRTH_DATE)
            .from(P).where(scope.owns(P), P.ARCHIVED_AT.isNull())
            .fetch(r -> new ImportKey(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** Creates the people in multi-row inserts of a thousand, stamped with the scope's tenant and audit columns. */
    static void insertAll(TenantScope scope, List<UUID> ids, List<PersonData> people) {
        if (people.isEmpty()) {
            return;
        }
        List<Field<?>> fields = new ArrayList<>(List.of(P.TENANT_ID, P.ID));
        fields.addAll(values(people.get(0)).keySet());
        fields.addAll(scope.stampColumns(P));
        List<Object> stamps = scope.stampValues(P).stream().<Object>map(f -> ((org.jooq.Param<?>) f).getValue()).toList();
        for (int from = 0; from < people.size(); from += CHUNK) {
            var insert = scope.dsl().insertInto(P, fields);
            for (int i = from; i < Math.min(people.size(), from + CHUNK); i++) {
                List<Object> row = new ArrayList<>(fields.size());
                row.add(scope.tenantId());
                row.add(ids.get(i));
                row.addAll(values(people.get(i)).values());
                row.addAll(stamps);
                insert = insert.values(row);
            }
            insert.execute();
        }
    }

    // ---- names for other packages' joins (PersonNames)

    /** The name columns of one alias of the people table, typed as plain jOOQ so that callers never name the table. */
    record NameFields(Table<?> table, Field<UUID> tenantId, Field<UUID> id, Field<String> familyName, Field<String> givenName,
                      Field<String> fullName, Field<String> sortKey, Field<String> email, Field<Boolean> sensitive,
                      Field<Long> memberNumber, Field<String> searchText, Field<String> reading, Field<String> postalCode,
                      Field<String> postalAddress) {
    }

    static NameFields names(String alias) {
        People p = P.as(alias);
        return new NameFields(p, p.TENANT_ID, p.ID, p.FAMILY_NAME, p.GIVEN_NAME, DSL.concat(p.FAMILY_NAME, DSL.inline(" "), p.GIVEN_NAME),
            p.SORT_KEY, p.EMAIL, p.SENSITIVE, p.MEMBER_NUMBER, p.SEARCH_TEXT,
            DSL.concat(p.FAMILY_NAME_KANA, DSL.inline(" "), p.GIVEN_NAME_KANA), p.POSTAL_CODE,
            // As an envelope prints it: prefecture, city and line 1 run on; line 2 (building) after a space, if any.
            DSL.function("concat_ws", String.class, DSL.inline(""), p.PREFECTURE, p.CITY, p.ADDRESS_LINE1,
                DSL.inline(" ").concat(p.ADDRESS_LINE2)));
    }

    // ---- mapping

    private static List<Field<?>> viewFields() {
        return List.of(P.ID, P.MEMBER_NUMBER, P.FAMILY_NAME, P.GIVEN_NAME, P.FAMILY_NAME_KANA, P.GIVEN_NAME_KANA, P.BIRTH_DATE, P.EMAIL,
            P.PHONE, P.POSTAL_CODE, P.PREFECTURE, P.CITY, P.ADDRESS_LINE1, P.ADDRESS_LINE2, P.NOTES, P.BRANCH_ID, P.NEWSLETTER_CONSENT,
            P.NO_POSTAL_MAIL, P.NO_EMAIL, P.DECEASED_ON, P.SENSITIVE, P.CREATED_AT, P.CREATED_BY, P.UPDATED_AT, P.UPDATED_BY, P.VERSION);
    }

    private static Map<Field<?>, Object> values(PersonData p) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(P.MEMBER_NUMBER, p.memberNumber());
        v.put(P.FAMILY_NAME, p.familyName());
        v.put(P.GIVEN_NAME, p.givenName());
        v.put(P.FAMILY_NAME_KANA, p.familyNameKana());
        v.put(P.GIVEN_NAME_KANA, p.givenNameKana());
        v.put(P.BIRTH_DATE, p.birthDate());
        v.put(P.EMAIL, p.email());
        v.put(P.PHONE, p.phone());
        v.put(P.POSTAL_CODE, p.postalCode());
        v.put(P.PREFECTURE, p.prefecture());
        v.put(P.CITY, p.city());
        v.put(P.ADDRESS_LINE1, p.addressLine1());
        v.put(P.ADDRESS_LINE2, p.addressLine2());
        v.put(P.NOTES, p.notes());
        v.put(P.BRANCH_ID, p.branchId());
        v.put(P.NEWSLETTER_CONSENT, p.newsletterConsent());
        v.put(P.NO_POSTAL_MAIL, p.noPostalMail());
        v.put(P.NO_EMAIL, p.noEmail());
        v.put(P.DECEASED_ON, p.deceasedOn());
        v.put(P.SENSITIVE, p.sensitive());
        v.put(P.SORT_KEY, p.sortKey());
        v.put(P.SEARCH_TEXT, p.searchText());
        return v;
    }

    private static PersonView toView(Record r) {
        return new PersonView(r.get(P.ID), r.get(P.MEMBER_NUMBER), r.get(P.FAMILY_NAME), r.get(P.GIVEN_NAME), r.get(P.FAMILY_NAME_KANA),
            r.get(P.GIVEN_NAME_KANA), r.get(P.BIRTH_DATE), r.get(P.EMAIL), r.get(P.PHONE), r.get(P.POSTAL_CODE), r.get(P.PREFECTURE),
            r.get(P.CITY), r.get(P.ADDRESS_LINE1), r.get(P.ADDRESS_LINE2), r.get(P.NOTES), r.get(P.BRANCH_ID), r.get(P.NEWSLETTER_CONSENT),
            r.get(P.NO_POSTAL_MAIL), r.get(P.NO_EMAIL), r.get(P.DECEASED_ON), r.get(P.SENSITIVE), r.get(P.CREATED_AT), r.get(P.CREATED_BY),
            r.get(P.UPDATED_AT), r.get(P.UPDATED_BY), r.get(P.VERSION), null, null, null, null);
    }
}
