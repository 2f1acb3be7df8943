package org.tomoni.platform.giving;

import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules on money and receipts that depend on the date or on the tenant's settings, checked before
 * anything is written. Dates are business dates in Asia/Tokyo, read from the injected clock.
 */
final class GivingRules {
    private GivingRules() {
    }

    /** Today in Asia/Tokyo. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(PublicGiving.TOKYO));
    }

    /**
     * An annual receipt covers a calendar year that has ended: for 2026 it can be issued from 1 January 2027 (Tokyo).
     * Refused as {@code year}/{@code year_not_over}, naming the year and the first day it can be issued.
     */
    static Outcome<Void> annualYearEnded(int year, LocalDate today) {
        if (year >= today.getYear()) {
            return Outcome.invalid(List.of(FieldError.of("year", "year_not_over", year, year + 1)));
        }
        return Outcome.ok(null);
    }

    /**
     * A certified tenant (認定NPO法人 and the like) prints its certification notice's number and date on every receipt:
     * without them the receipt would not serve the donor's deduction, so issuing is refused, naming what is missing.
     */
    static Outcome<Void> certificationComplete(GivingSettings.SettingsView settings) {
        if (!settings.certified()) {
            return Outcome.ok(null);
        }
        List<FieldError> errors = new ArrayList<>();
        if (settings.certificationNumber() == null || settings.certificationNumber().isBlank()) {
            errors.add(FieldError.of("certificationNumber", "certification_number_missing"));
        }
        if (settings.certificationDate() == null) {
            errors.add(FieldError.of("certificationDate", "certification_date_missing"));
        }
        return errors.isEmpty() ? Outcome.ok(null) : Outcome.invalid(errors);
    }

    /**
     * A bank's result is read on or after the batch's debit date, never before: money not yet debited is not received,
     * and a donation is never dated in the future. Refused as {@code batch}/{@code debit_date_in_future}, naming the date.
     */
    static Outcome<Void> debitDateReached(LocalDate debitDate, LocalDate today) {
        if (debitDate.isAfter(today)) {
            return Outcome.invalid(List.of(FieldError.of("batch", "debit_date_in_future", debitDate, debitDate.getYear(),
                debitDate.getMonthValue(), debitDate.getDayOfMonth())));
        }
        return Outcome.ok(null);
    }
}
