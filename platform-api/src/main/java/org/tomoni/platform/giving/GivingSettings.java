package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.SecretBox;
import org.tomoni.platform.shared.Versioned;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;
import static org.tomoni.platform.shared.Columns.text;

/**
 * A tenant's giving settings: its address and certification for receipts, its bank consignor
 * code and account for direct debit, the debit day and the day the monthly run starts, and where
 * staff notices go. A tenant without a row has the defaults (debit on the 27th, run on the 5th).
 */
@Singleton
public class GivingSettings {
    private final AccessPolicy policy;
    static final Table<Record> SETTINGS = table(name("giving_settings"));
    private static final Field<String> ADDRESS = text("organization_address");
    private static final Field<String> CERT_NUMBER = text("certification_number");
    private static final Field<LocalDate> CERT_DATE = field(name("certification_date"), SQLDataType.LOCALDATE);
    private static final Field<String> CONSIGNOR_CODE = text("consignor_code");
    private static final Field<String> CONSIGNOR_KANA = text("consignor_kana");
    private static final Field<String> BANK_CODE = text("bank_code");
    private static final Field<String> BRANCH_CODE = text("branch_code");
    private static final Field<Short> ACCOUNT_TYPE = field(name("account_type"), SQLDataType.SMALLINT);
    /** Plain numbers from earlier builds only; sealed and cleared at start-up. */
    static final Field<String> ACCOUNT_NUMBER_PLAIN = text("account_number");
    static final Field<String> ACCOUNT_NUMBER_ENC = text("account_number_enc");
    private static final Field<String> ACCOUNT_NUMBER_MASK = text("account_number_mask");
    private static final Field<Short> DEBIT_DAY = field(name("debit_day"), SQLDataType.SMALLINT);
    private static final Field<Short> RUN_DAY = field(name("run_day"), SQLDataType.SMALLINT);
    private static final Field<String> STAFF_EMAIL = text("staff_email");
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecretBox secrets;

    GivingSettings(TenantTransactions tx, AuditTrail audit, Clock clock, SecretBox secrets, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** {@code accountNumber} is the mask ({@code ****567}); the number itself is read only for the request file. */
    @Serdeable
    public record SettingsView(String organizationAddress, String certificationNumber, String certificationDate, String consignorCode,
                               String consignorKana, String bankCode, String branchCode, Integer accountType, String accountNumber,
                               int debitDay, int runDay, String staffEmail, long version) implements Versioned {
        /** Direct debit needs the consignor code, its kana name and the tenant's account. */
        public boolean debitReady() {
            return consignorCode != null && consignorKana != null && bankCode != null && branchCode != null && accountType != null
                && accountNumber != null;
        }
    }

    @Serdeable
    public record SettingsRequest(@Nullable String organizationAddress, @Nullable String certificationNumber,
                                  @Nullable String certificationDate, @Nullable String consignorCode, @Nullable String consignorKana,
                                  @Nullable String bankCode, @Nullable String branchCode, @Nullable Integer accountType,
                                  @Nullable String accountNumber, @Nullable Integer debitDay, @Nullable Integer runDay,
                                  @Nullable String staffEmail) {
    }

    /** The tenant's own account as the bank's request file needs it. */
    record CollectionAccount(String bankCode, String branchCode, int accountType, String accountNumber) {
    }

    public Outcome<SettingsView> get(Actor actor) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> Outcome.ok(find(dsl, actor.tenantId())));
    }

    public Outcome<SettingsView> update(Actor actor, long expectedVersion, SettingsRequest r) {
        if (policy.check(actor, Capability.GIVING_SETTINGS) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("organizationAddress", r.organizationAddress(), "certificationNumber", r.certificationNumber(), "staffEmail", r.staffEmail());
        String consignorKana = r.consignorKana() == null ? null : BankKana.convert(r.consignorKana()).filter(BankKana::isValid)
            .filter(k -> k.length() <= 40).orElse(null);
        if (r.consignorKana() != null && consignorKana == null) {
            errors.add(FieldError.of("consignorKana", "bank_kana"));
        }
        // Codes are optional here: blank means not set yet.
        String consignor = f.code("consignorCode", r.consignorCode(), 10, false);
        String bank = f.code("bankCode", r.bankCode(), 4, false);
        String branch = f.code("branchCode", r.branchCode(), 3, false);
        // Absent, blank or the mask shown: the stored account stays as it is.
        boolean keepAccount = r.accountNumber() == null || r.accountNumber().isBlank() || r.accountNumber().startsWith("****");
        String account = keepAccount ? null : f.code("accountNumber", r.accountNumber(), 7, false);
        if (r.accountType() != null && !List.of(1, 2, 4, 9).contains(r.accountType())) {
            errors.add(FieldError.of("accountType", "choice"));
        }
        int debitDay = r.debitDay() == null ? 27 : r.debitDay();
        int runDay = r.runDay() == null ? 5 : r.runDay();
        if (debitDay < 1 || debitDay > 31) {
            errors.add(FieldError.of("debitDay", "number"));
        }
        if (runDay < 1 || runDay > 28) {
            errors.add(FieldError.of("runDay", "number"));
        }
        LocalDate certDate = f.date("certificationDate", r.certificationDate(), null);
        String email = JapaneseText.fold(r.staffEmail());
        if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.add(FieldError.of("staffEmail", "email"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.write(actor.tenantId(), dsl -> {
            SettingsView current = find(dsl, actor.tenantId());
            if (current.version() != expectedVersion) {
                return Outcome.<SettingsView>rejected(ErrorCode.VERSION_CONFLICT);
            }
            var now = Columns.now(clock);
            String sealed = account == null ? null : secrets.encrypt(account);
            String mask = account == null ? null : Payments.mask(account);
            Field<String> sealedValue = keepAccount ? Columns.qualified(SETTINGS, ACCOUNT_NUMBER_ENC) : DSL.val(sealed);
            Field<String> maskValue = keepAccount ? Columns.qualified(SETTINGS, ACCOUNT_NUMBER_MASK) : DSL.val(mask);
            dsl.insertInto(SETTINGS).set(TENANT_ID, actor.tenantId()).set(ADDRESS, JapaneseText.clean(r.organizationAddress()))
                .set(CERT_NUMBER, JapaneseText.clean(r.certificationNumber())).set(CERT_DATE, certDate).set(CONSIGNOR_CODE, consignor)
                .set(CONSIGNOR_KANA, consignorKana).set(BANK_CODE, bank).set(BRANCH_CODE, branch)
                .set(ACCOUNT_TYPE, r.accountType() == null ? null : r.accountType().shortValue())
                .set(ACCOUNT_NUMBER_ENC, sealed).set(ACCOUNT_NUMBER_MASK, mask).set(DEBIT_DAY, (short) debitDay).set(RUN_DAY, (short) runDay).set(STAFF_EMAIL, email)
                .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).set(VERSION, 1L)
                .onConflict(TENANT_ID).doUpdate()
                .set(ADDRESS, JapaneseText.clean(r.organizationAddress())).set(CERT_NUMBER, JapaneseText.clean(r.certificationNumber()))
                .set(CERT_DATE, certDate).set(CONSIGNOR_CODE, consignor).set(CONSIGNOR_KANA, consignorKana).set(BANK_CODE, bank)
                .set(BRANCH_CODE, branch).set(ACCOUNT_TYPE, r.accountType() == null ? null : r.accountType().shortValue())
                .set(ACCOUNT_NUMBER_ENC, sealedValue).set(ACCOUNT_NUMBER_MASK, maskValue).set(ACCOUNT_NUMBER_PLAIN, (String) null)
                .set(DEBIT_DAY, (short) debitDay).set(RUN_DAY, (short) runDay).set(STAFF_EMAIL, email)
                .set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).set(VERSION, Columns.qualified(SETTINGS, VERSION).plus(1))
                .execute();
            audit.record(dsl, actor, "giving_settings.update", "giving_settings", actor.tenantId(), Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId()));
        });
    }

    /** The settings inside a tenant's transaction; defaults when none were saved. */
    static SettingsView find(DSLContext dsl, UUID tenantId) {
        return dsl.select(ADDRESS, CERT_NUMBER, CERT_DATE, CONSIGNOR_CODE, CONSIGNOR_KANA, BANK_CODE, BRANCH_CODE, ACCOUNT_TYPE,
                ACCOUNT_NUMBER_MASK, DEBIT_DAY, RUN_DAY, STAFF_EMAIL, VERSION).from(SETTINGS).where(TENANT_ID.eq(tenantId))
            .fetchOptional(r -> new SettingsView(r.value1(), r.value2(), r.value3() == null ? null : r.value3().toString(), r.value4(),
                r.value5(), r.value6(), r.value7(), r.value8() == null ? null : r.value8().intValue(), r.value9(), r.value10(), r.value11(),
                r.value12(), r.value13()))
            .orElse(new SettingsView(null, null, null, null, null, null, null, null, null, 27, 5, null, 0));
    }

    /** The unsealed collection account, for the request file only; empty when none is set. */
    Optional<CollectionAccount> collectionAccount(DSLContext dsl, UUID tenantId) {
        return dsl.select(BANK_CODE, BRANCH_CODE, ACCOUNT_TYPE, ACCOUNT_NUMBER_ENC).from(SETTINGS).where(TENANT_ID.eq(tenantId))
            .fetchOptional()
            .filter(r -> r.value1() != null && r.value2() != null && r.value3() != null && r.value4() != null)
            .map(r -> new CollectionAccount(r.value1(), r.value2(), r.value3(), secrets.decrypt(r.value4())
                .orElseThrow(() -> new IllegalStateException("The collection account of tenant " + tenantId + " is sealed under an unknown key"))));
    }

    /**
     * Seals collection accounts that builds before encryption stored in plain text. Runs at every
     * start; after the first it finds nothing to do.
     */
    public int sealPlainAccounts(UUID tenantId) {
        return tx.write(tenantId, dsl -> {
            var plain = dsl.select(ACCOUNT_NUMBER_PLAIN).from(SETTINGS).where(TENANT_ID.eq(tenantId), ACCOUNT_NUMBER_PLAIN.isNotNull())
                .forUpdate().fetchOptional(ACCOUNT_NUMBER_PLAIN);
            plain.ifPresent(number -> dsl.update(SETTINGS).set(ACCOUNT_NUMBER_ENC, secrets.encrypt(number))
                .set(ACCOUNT_NUMBER_MASK, Payments.mask(number)).set(ACCOUNT_NUMBER_PLAIN, (String) null)
                .where(TENANT_ID.eq(tenantId)).execute());
            return Outcome.ok(plain.isPresent() ? 1 : 0);
        }).orThrow();
    }

}
