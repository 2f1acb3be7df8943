package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;


/**
 * 寄附金受領証明書: a receipt per donation or one per donor and calendar year, as PDF with the
 * organisation's name, address and certification. An issued receipt is never changed: its PDF is
 * kept as issued; a reissue gets a new number, names the old one, and voids it. Fees are never
 * receipted as donations.
 */
@Singleton
public class Receipts {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final AuditTrail audit;
    private final Clock clock;

    Receipts(TenantTransactions tx, TenantRegistry tenants, AuditTrail audit, AccessPolicy policy, Clock clock) {
        this.clock = clock;
        this.policy = policy;
        this.tx = tx;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Serdeable
    /** Addressed to the person {@code personId} or the organisation {@code organizationId}. */
    public record ReceiptView(UUID id, String receiptNumber, UUID personId, String kind, int year, String issuedOn, long total,
                              String status, UUID replacesId, UUID replacedById, List<UUID> donationIds, UUID organizationId) {
    }

    /**
     * What {@code POST /receipts} asks for: {@code donationId} for one donation's receipt, or {@code personId} (or
     * {@code organizationId}) and {@code year} for the annual one.
     */
    @Serdeable
    public record IssueRequest(@Nullable String donationId, @Nullable String personId, @Nullable Integer year,
                               @Nullable String organizationId) {
        public IssueRequest(String donationId, String personId, Integer year) {
            this(donationId, personId, year, null);
        }
    }

    /** Who a receipt is for: a person or an organisation. */
    record Donor(UUID personId, UUID organizationId) {
        static Donor of(Donations.DonationView d) {
            return new Donor(d.personId(), d.organizationId());
        }

        static Donor of(ReceiptView r) {
            return new Donor(r.personId(), r.organizationId());
        }

        List<Donations.DonationView> unreceipted(TenantScope scope, int year) {
            return personId != null ? DonationRepository.unreceipted(scope, personId, year)
                : DonationRepository.unreceiptedOfOrganization(scope, organizationId, year);
        }

        DonorAddressRepository.Addressee addressee(TenantScope scope) {
            return personId != null ? DonorAddressRepository.addressee(scope, personId)
                : DonorAddressRepository.addresseeOrganization(scope, organizationId);
        }
    }

    /** One donation's receipt or the annual one, as the request names; an id that is no UUID is not found. */
    public Outcome<ReceiptView> issue(Actor actor, IssueRequest r) {
        if (r.donationId() != null) {
            return Ids.withId(r.donationId(), id -> issue(actor, id));
        }
        if (r.personId() != null) {
            return Ids.withId(r.personId(), id -> annual(actor, id, r.year()));
        }
        if (r.organizationId() != null) {
            return Ids.withId(r.organizationId(), id -> annualOfOrganization(actor, id, r.year()));
        }
        return Outcome.invalid(List.of(FieldError.of("donationId", "required")));
    }

    /** One donation's receipt. */
    public Outcome<ReceiptView> issue(Actor actor, UUID donationId) {
        return write(actor, scope -> {
            Optional<Donations.DonationView> d = DonationRepository.find(scope, donationId);
            if (d.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            if ("fee".equals(d.get().kind())) {
                return Outcome.invalid(List.of(FieldError.of("donationId", "fee")));
            }
            if (d.get().receiptId() != null) {
                return Outcome.invalid(List.of(FieldError.of("donationId", "already_receipted")));
            }
            if (!"active".equals(d.get().state())) {
                return Outcome.invalid(List.of(FieldError.of("donationId", "reversed")));
            }
            LocalDate on = LocalDate.parse(d.get().receivedOn());
            return Outcome.ok(create(scope, Donor.of(d.get()), "single", on.getYear(), List.of(d.get()), null));
        });
    }

    /** The donor's combined receipt for a calendar year that has ended (in Tokyo): every donation of the year not yet receipted. */
    public Outcome<ReceiptView> annual(Actor actor, UUID personId, Integer year) {
        return annual(actor, new Donor(personId, null), year);
    }

    /** The organisation's combined receipt for a calendar year that has ended, as for a person. */
    public Outcome<ReceiptView> annualOfOrganization(Actor actor, UUID organizationId, Integer year) {
        return annual(actor, new Donor(null, organizationId), year);
    }

    private Outcome<ReceiptView> annual(Actor actor, Donor donor, Integer year) {
        if (year == null || year < 2000 || year > 2099) {
            return Outcome.invalid(List.of(FieldError.of("year", "year")));
        }
        if (GivingRules.annualYearEnded(year, GivingRules.today(clock)) instanceof Outcome.Rejected<Void> notOver) {
            return notOver.cast();
        }
        return write(actor, scope -> {
            List<Donations.DonationView> donations = donor.unreceipted(scope, year);
            if (donations.isEmpty()) {
                return Outcome.invalid(List.of(FieldError.of("year", "no_donations")));
            }
            return Outcome.ok(create(scope, donor, "annual", year, donations, null));
        });
    }

    /** What the donor's annual receipt for {@code year} would sum, before it is issued (for the confirmation that names it). */
    @Serdeable
    public record AnnualPreview(UUID personId, int year, int donations, long total) {
    }

    /** The donations the annual receipt would cover now, refused as {@link #annual} would refuse it; nothing is issued. */
    public Outcome<AnnualPreview> annualPreview(Actor actor, UUID personId, Integer year) {
        if (policy.check(actor, Capability.RECEIPTS_ISSUE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        if (year == null || year < 2000 || year > 2099) {
            return Outcome.invalid(List.of(FieldError.of("year", "year")));
        }
        if (GivingRules.annualYearEnded(year, GivingRules.today(clock)) instanceof Outcome.Rejected<Void> notOver) {
            return notOver.cast();
        }
        return tx.read(actor, scope -> {
            if (GivingRules.certificationComplete(GivingSettings.find(scope)) instanceof Outcome.Rejected<Void> missing) {
                return missing.<AnnualPreview>cast();
            }
            List<Donations.DonationView> donations = DonationRepository.unreceipted(scope, personId, year);
            if (donations.isEmpty()) {
                return Outcome.invalid(List.of(FieldError.of("year", "no_donations")));
            }
            return Outcome.ok(new AnnualPreview(personId, year, donations.size(),
                donations.stream().mapToLong(Donations.DonationView::amount).sum()));
        });
    }

    /** A new receipt with a new number for the same donations; the old one is voided and names its replacement. */
    public Outcome<ReceiptView> reissue(Actor actor, UUID receiptId) {
        return write(actor, scope -> {
            Optional<ReceiptView> old = ReceiptRepository.find(scope, receiptId);
            if (old.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            if (!ReceiptStatus.fromCode(old.get().status()).canBecome(ReceiptStatus.VOID)) {
                return Outcome.invalid(List.of(FieldError.of("receipt", "already_void")));
            }
            List<Donations.DonationView> donations = DonationRepository.withIds(scope, old.get().donationIds());
            ReceiptView fresh = create(scope, Donor.of(old.get()), old.get().kind(), old.get().year(), donations, old.get());
            if (ReceiptRepository.voidFor(scope, receiptId, fresh.id()) == 0) {
                return Outcome.invalid(List.of(FieldError.of("receipt", "already_void")));
            }
            return Outcome.ok(ReceiptRepository.find(scope, fresh.id()).orElseThrow());
        });
    }

    public Outcome<ReceiptView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> ReceiptRepository.find(scope, id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** The PDF exactly as it was issued. */
    public Outcome<byte[]> pdf(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> ReceiptRepository.pdf(scope, id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<ReceiptView>> list(Actor actor, UUID personId, Integer year, PageRequest page) {
        return list(actor, personId, null, year, page);
    }

    /** Newest first; optionally one person's, one organisation's, or one year's. */
    public Outcome<Page<ReceiptView>> list(Actor actor, UUID personId, UUID organizationId, Integer year, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> Outcome.ok(Page.of(ReceiptRepository.page(scope, personId, organizationId, year, page),
            ReceiptRepository.count(scope, personId, organizationId, year), page)));
    }

    /** 寄附者名簿: each donor of the fiscal year with address, total, count and first and last dates. */
    public Outcome<byte[]> donorList(Actor actor, Integer fiscalYear, ExcelCsv.Encoding encoding) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        if (fiscalYear == null || fiscalYear < 2000 || fiscalYear > 2099) {
            return Outcome.invalid(List.of(FieldError.of("fiscalYear", "year")));
        }
        int startMonth = tenants.findById(actor.tenantId()).map(t -> t.settings().fiscalYearStartMonth()).orElse(4);
        LocalDate from = LocalDate.of(fiscalYear, startMonth, 1);
        LocalDate to = from.plusYears(1).minusDays(1);
        return tx.write(actor, scope -> {
            // People first, then organisations (a co-op's or a company's gifts), each in the order of their readings.
            List<DonorAddressRepository.DonorLine> rows = new java.util.ArrayList<>(DonorAddressRepository.donorList(scope, from, to));
            rows.addAll(DonorAddressRepository.organizationDonorList(scope, from, to));
            Outcome<byte[]> bytes = ExcelCsv.export(encoding, List.of("氏名", "フリガナ", "郵便番号", "住所", "寄附金額合計", "寄附件数", "最初の受領日",
                "最後の受領日"), printer -> {
                for (DonorAddressRepository.DonorLine r : rows) {
                    printer.printRecord(ExcelCsv.cell(r.name()), ExcelCsv.cell(r.reading()), ExcelCsv.cell(r.postalCode()),
                        ExcelCsv.cell(r.address()), r.total(), r.count(), r.first(), r.last());
                }
            });
            if (bytes.isOk()) {
                audit.record(scope, "donor_list.export", "donor_list", actor.tenantId(), Result.SUCCESS);
            }
            return bytes;
        });
    }

    private ReceiptView create(TenantScope scope, Donor donor, String kind, int year, List<Donations.DonationView> donations,
                               ReceiptView replaces) {
        LocalDate issuedOn = scope.now().atZoneSameInstant(PublicGiving.TOKYO).toLocalDate();
        String number = ReceiptRepository.nextNumber(scope, issuedOn.getYear());
        long total = donations.stream().mapToLong(Donations.DonationView::amount).sum();
        byte[] pdf = render(scope, donor, number, issuedOn, donations, replaces == null ? null : replaces.receiptNumber());
        UUID id = Ids.newId();
        List<UUID> donationIds = donations.stream().map(Donations.DonationView::id).toList();
        ReceiptRepository.insert(scope, id, new ReceiptRepository.Values(number, donor.personId(), donor.organizationId(), kind, year, issuedOn, total,
            replaces == null ? null : replaces.id(), pdf), donationIds);
        DonationRepository.markReceipted(scope, donationIds, id);
        audit.record(scope, replaces == null ? "receipt.issue" : "receipt.reissue", "receipt", id, Result.SUCCESS);
        return ReceiptRepository.find(scope, id).orElseThrow();
    }

    private byte[] render(TenantScope scope, Donor donor, String number, LocalDate issuedOn, List<Donations.DonationView> donations,
                          String replacesNumber) {
        Tenant tenant = tenants.findById(scope.tenantId()).orElseThrow();
        var settings = GivingSettings.find(scope);
        DonorAddressRepository.Addressee p = donor.addressee(scope);
        var lines = donations.stream().map(d -> new ReceiptPdf.Line(LocalDate.parse(d.receivedOn()), d.amount(),
            d.purpose() == null ? "寄附金（" + GiftNotices.method(d.method()) + "）" : "寄附金・" + d.purpose())).toList();
        var receipt = new ReceiptPdf.Receipt(number, issuedOn, "寄附金受領証明書", tenant.nameJa(),
            settings.organizationAddress() == null ? "" : settings.organizationAddress(), settings.certificationNumber(),
            settings.certificationDate() == null ? null : LocalDate.parse(settings.certificationDate()), p.name(), p.postalCode(),
            p.address(), lines, replacesNumber, donor.organizationId() != null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReceiptPdf.write(receipt, out);
        return out.toByteArray();
    }

    /** Issuing work: refused while a certified tenant's certification number or date is missing. */
    private <T> Outcome<T> write(Actor actor, java.util.function.Function<TenantScope, Outcome<T>> work) {
        if (policy.check(actor, Capability.RECEIPTS_ISSUE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.write(actor, scope -> GivingRules.certificationComplete(GivingSettings.find(scope)) instanceof Outcome.Rejected<Void> missing
            ? missing.cast() : work.apply(scope));
    }
}
