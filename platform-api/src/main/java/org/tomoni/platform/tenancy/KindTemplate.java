package org.tomoni.platform.tenancy;

import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;

/**
 * One section of a tenant kind's templates, declared by the module that owns what it creates
 * (members declares {@code branches} and {@code membershipTypes}, giving {@code giftPlans}). A
 * kind's templates are checked against the sections when the kind is saved, and applied by
 * onboarding inside the transaction that creates the tenant: a rejected entry creates nothing.
 * A new module adds its own section as a bean; tenancy never names a kind or a module's records.
 *
 * @param <R> the module's own request record, one per entry; its components are the keys an entry may have
 */
public interface KindTemplate<R extends Record> {
    /** The key under {@code templates}, e.g. {@code branches}. */
    String key();

    /** The module a kind must offer to carry this section; a tenant gets the entries only while it has the module. */
    Module module();

    /** The record one entry is read as. */
    Class<R> entryType();

    /** Creates one entry for the new tenant, acting as its administrator; field errors name the record's fields. */
    Outcome<?> apply(Actor admin, R entry);
}
