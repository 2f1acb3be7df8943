package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.persistence.TenantScope;
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


/**
 * A tenant's giving settings: its address and certification for receipts, its bank consignor
 * code and account for direct debit, the debit day and the day the monthly run starts, and where
 * staff notices go. A tenant without a row has the defaults (debit on the 27th, run on the 5th).
 */
@Singleton
public class GivingSettings {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final SecretBox secrets;
    private final Clock clock;

    GivingSettings(TenantTransactions tx, AuditTrail audit, SecretBox secrets, AccessPolicy policy, Clock clock) {
        this.clock = clock;
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.secrets = secrets;
    }

    /** {@code accountNumber} is the mask ({@code ****567}); the number itself is read only for the request file. */
    /**
     * {@code certified}: the tenant issues receipts as a certified organisation (認定NPO法人 and the like); its receipts then
     * need {@code certificationNumber} and {@code certificationDate}.
     */
    @Serdeable
    public record SettingsView(String organizationAddress, boolean certified, String certificationNumber, String certificationDate,
                               String consignorCode, String consignorKana, String bankCode, String branchCode, Integer accountType,
                               String accountNumber, int debitDay, int runDay, String staffEmail, long version) implements Versioned {
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
                                  @Nullable String staffEmail, @Nullable Boolean certified) {
        /** Without {@code certified}: the stored flag stays as it is. */
        public SettingsRequest(String organizationAddress, String certificationNumber, String certificationDate, String consignorCode,
                               String consignorKana, String bankCode, String branchCode, Integer accountType, String accountNumber,
                               Integer debitDay, Integer runDay, String staffEmail) {
            this(organizationAddress, certificationNumber, certificationDate, consignorCode, consignorKana, bankCode, branchCode,
                accountType, accountNumber, debitDay, runDay, staffEmail, null);
        }
    }

    /** The tenant's own account as the bank's request file needs it. */
    record CollectionAccount(String bankCode, String branchCode, int accountType, String accountNumber) {
    }

    public Outcome<SettingsView> get(Actor actor) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> Outcome.ok(GivingSettingsRepository.find(scope)));
    }

    public Outcome<SettingsView> update(Actor actor, long expectedVersion, SettingsRequest r) {
        if (policy.check(actor, Capability.GIVING_SETTINGS) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("organizationAddress", r.organizationAddress(), "certificationNumber", r.certificationNumber(), "staffEmail", r.staffEmail());
        f.optional("certificationNumber", r.certificationNumber(), 60);
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
        LocalDate certDate = f.date("certificationDate", r.certificationDate(), LocalDate.now(clock.withZone(PublicGiving.TOKYO)));
        String email = JapaneseText.fold(r.staffEmail());
        if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.add(FieldError.of("staffEmail", "email"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        String sealed = account == null ? null : secrets.encrypt(account);
        String mask = account == null ? null : Payments.mask(account);
        var values = new GivingSettingsRepository.Values(JapaneseText.clean(r.organizationAddress()), r.certified(),
            JapaneseText.clean(r.certificationNumber()),
            certDate, consignor, consignorKana, bank, branch, r.accountType() == null ? null : r.accountType().shortValue(), keepAccount, sealed,
            mask, (short) debitDay, (short) runDay, email);
        return tx.write(actor, scope -> {
            if (GivingSettingsRepository.find(scope).version() != expectedVersion) {
                return Outcome.<SettingsView>rejected(ErrorCode.VERSION_CONFLICT);
            }
            GivingSettingsRepository.save(scope, values);
            audit.record(scope, "giving_settings.update", "giving_settings", actor.tenantId(), Result.SUCCESS);
            return Outcome.ok(GivingSettingsRepository.find(scope));
        });
    }

    /** The settings inside a tenant's transaction; defaults when none were saved. */
    static SettingsView find(TenantScope scope) {
        return GivingSettingsRepository.find(scope);
    }

    /** The unsealed collection account, for the request file only; empty when none is set. */
    Optional<CollectionAccount> collectionAccount(TenantScope scope) {
        return GivingSettingsRepository.sealedAccount(scope)
            .map(a -> new CollectionAccount(a.bankCode(), a.branchCode(), a.accountType(), secrets.decrypt(a.sealedNumber())
                .orElseThrow(() -> new IllegalStateException("The collection account of tenant " + scope.tenantId()
                    + " is sealed under an unknown key"))));
    }

    /**
     * Seals collection accounts that builds before encryption stored in plain text. Runs at every
     * start; after the first it finds nothing to do.
     */
    public int sealPlainAccounts(UUID tenantId) {
        return tx.write(NarrowActors.job("seal-accounts", tenantId, null, Capability.GIVING_SETTINGS), scope -> {
            Optional<String> plain = GivingSettingsRepository.plainAccountForUpdate(scope);
            plain.ifPresent(number -> GivingSettingsRepository.sealPlainAccount(scope, secrets.encrypt(number), Payments.mask(number)));
            return Outcome.ok(plain.isPresent() ? 1 : 0);
        }).orThrow();
    }

}
