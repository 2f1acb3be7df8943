package org.tomoni.platform.giving;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.Optional;

import static org.tomoni.platform.schema.Tables.GIVING_SETTINGS;

/** A tenant's one row of giving settings (none until first saved); the scope stamps tenant and audit columns. */
final class GivingSettingsRepository {
    private static final GivingSettings.SettingsView DEFAULTS =
        new GivingSettings.SettingsView(null, false, null, null, null, null, null, null, null, null, 27, 5, null, 0);

    private GivingSettingsRepository() {
    }

    /**
     * What a save writes. {@code sealedAccount} and {@code accountMask} are null with {@code keepAccount} to leave the
     * stored account as it is.
     */
    record Values(String organizationAddress, Boolean certified, String certificationNumber, LocalDate certificationDate, String consignorCode,
                  String consignorKana, String bankCode, String branchCode, Short accountType, boolean keepAccount, String sealedAccount,
                  String accountMask, short debitDay, short runDay, String staffEmail) {
    }

    /** The settings; the defaults (debit on the 27th, run on the 5th) when none were saved. */
    static GivingSettings.SettingsView find(TenantScope scope) {
        var s = GIVING_SETTINGS;
        return scope.dsl().select(s.ORGANIZATION_ADDRESS, s.CERTIFICATION_NUMBER, s.CERTIFICATION_DATE, s.CONSIGNOR_CODE, s.CONSIGNOR_KANA,
                s.BANK_CODE, s.BRANCH_CODE, s.ACCOUNT_TYPE, s.ACCOUNT_NUMBER_MASK, s.DEBIT_DAY, s.RUN_DAY, s.STAFF_EMAIL, s.VERSION, s.CERTIFIED)
            .from(s).where(scope.owns(s))
            .fetchOptional(r -> new GivingSettings.SettingsView(r.value1(), r.value14(), r.value2(),
                r.value3() == null ? null : r.value3().toString(), r.value4(), r.value5(), r.value6(), r.value7(),
                r.value8() == null ? null : r.value8().intValue(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13()))
            .orElse(DEFAULTS);
    }

    /** Inserts the first row (version 1) or updates the one there; the caller has checked the version. */
    static void save(TenantScope scope, Values v) {
        var s = GIVING_SETTINGS;
        Field<String> sealed = v.keepAccount() ? s.ACCOUNT_NUMBER_ENC : DSL.val(v.sealedAccount());
        Field<String> mask = v.keepAccount() ? s.ACCOUNT_NUMBER_MASK : DSL.val(v.accountMask());
        // Absent: the stored flag stays (not certified on the first save).
        Field<Boolean> certified = v.certified() == null ? s.CERTIFIED : DSL.val(v.certified());
        scope.insertInto(s).set(s.ORGANIZATION_ADDRESS, v.organizationAddress()).set(s.CERTIFIED, Boolean.TRUE.equals(v.certified())).set(s.CERTIFICATION_NUMBER, v.certificationNumber())
            .set(s.CERTIFICATION_DATE, v.certificationDate()).set(s.CONSIGNOR_CODE, v.consignorCode()).set(s.CONSIGNOR_KANA, v.consignorKana())
            .set(s.BANK_CODE, v.bankCode()).set(s.BRANCH_CODE, v.branchCode()).set(s.ACCOUNT_TYPE, v.accountType())
            .set(s.ACCOUNT_NUMBER_ENC, v.sealedAccount()).set(s.ACCOUNT_NUMBER_MASK, v.accountMask()).set(s.DEBIT_DAY, v.debitDay())
            .set(s.RUN_DAY, v.runDay()).set(s.STAFF_EMAIL, v.staffEmail()).set(s.VERSION, 1L)
            .onConflict(s.TENANT_ID).doUpdate()
            .set(s.ORGANIZATION_ADDRESS, v.organizationAddress()).set(s.CERTIFIED, certified).set(s.CERTIFICATION_NUMBER, v.certificationNumber())
            .set(s.CERTIFICATION_DATE, v.certificationDate()).set(s.CONSIGNOR_CODE, v.consignorCode()).set(s.CONSIGNOR_KANA, v.consignorKana())
            .set(s.BANK_CODE, v.bankCode()).set(s.BRANCH_CODE, v.branchCode()).set(s.ACCOUNT_TYPE, v.accountType())
            .set(s.ACCOUNT_NUMBER_ENC, sealed).set(s.ACCOUNT_NUMBER_MASK, mask).set(s.ACCOUNT_NUMBER, (String) null)
            .set(s.DEBIT_DAY, v.debitDay()).set(s.RUN_DAY, v.runDay()).set(s.STAFF_EMAIL, v.staffEmail())
            // The conflict branch stamps what scope.update would: ON CONFLICT has no scope of its own.
            .set(s.UPDATED_AT, scope.now()).set(s.UPDATED_BY, scope.by()).set(s.VERSION, s.VERSION.plus(1))
            .execute();
    }

    /** The tenant's own account, still sealed, for the request file: bank, branch, type and the sealed number. */
    record SealedAccount(String bankCode, String branchCode, short accountType, String sealedNumber) {
    }

    static Optional<SealedAccount> sealedAccount(TenantScope scope) {
        var s = GIVING_SETTINGS;
        return scope.dsl().select(s.BANK_CODE, s.BRANCH_CODE, s.ACCOUNT_TYPE, s.ACCOUNT_NUMBER_ENC).from(s).where(scope.owns(s))
            .fetchOptional()
            .filter(r -> r.value1() != null && r.value2() != null && r.value3() != null && r.value4() != null)
            .map(r -> new SealedAccount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A collection account number left in plain text by builds before encryption, locked for sealing. */
    static Optional<String> plainAccountForUpdate(TenantScope scope) {
        var s = GIVING_SETTINGS;
        return scope.dsl().select(s.ACCOUNT_NUMBER).from(s).where(scope.owns(s), s.ACCOUNT_NUMBER.isNotNull()).forUpdate()
            .fetchOptional(s.ACCOUNT_NUMBER);
    }

    static int sealPlainAccount(TenantScope scope, String sealed, String mask) {
        return scope.update(GIVING_SETTINGS).set(GIVING_SETTINGS.ACCOUNT_NUMBER_ENC, sealed).set(GIVING_SETTINGS.ACCOUNT_NUMBER_MASK, mask)
            .set(GIVING_SETTINGS.ACCOUNT_NUMBER, (String) null).where();
    }
}
