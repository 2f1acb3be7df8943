package org.tomoni.platform.members;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.AuditTrail;
import org.tomoni.platform.shared.AuditTrail.Result;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import org.tomoni.platform.shared.Columns;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** The members module's facade for people: used by the REST edge and the admin UI alike. */
@Singleton
public class People {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    People(TenantTransactions tx, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome<PersonView> create(Actor actor, PersonRequest request) {
        if (!actor.canWriteTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return PersonPolicy.check(request, today()).flatMap(data -> tx.write(actor.tenantId(), dsl -> {
            UUID id = Ids.newId();
            PeopleTable.insert(dsl, actor.tenantId(), id, data, now(), actor.auditName());
            audit.record(dsl, actor, "person.create", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleTable.find(dsl, actor.tenantId(), id).orElseThrow());
        }));
    }

    public Outcome<PersonView> get(Actor actor, UUID id) {
        if (!actor.canReadTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return tx.read(actor.tenantId(), dsl -> PeopleTable.find(dsl, actor.tenantId(), id)
            .map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** Updates when {@code expectedVersion} is the stored version; otherwise a version conflict. */
    public Outcome<PersonView> update(Actor actor, UUID id, long expectedVersion, PersonRequest request) {
        if (!actor.canWriteTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return PersonPolicy.check(request, today()).flatMap(data -> tx.write(actor.tenantId(), dsl -> {
            int changed = PeopleTable.update(dsl, actor.tenantId(), id, expectedVersion, data, now(), actor.auditName());
            if (changed == 0) {
                boolean exists = PeopleTable.find(dsl, actor.tenantId(), id).isPresent();
                return Outcome.<PersonView>rejected(exists ? ErrorCode.VERSION_CONFLICT : ErrorCode.NOT_FOUND);
            }
            audit.record(dsl, actor, "person.update", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleTable.find(dsl, actor.tenantId(), id).orElseThrow());
        }));
    }

    /** Archives (the person leaves lists and lookups; their traces stay for the records the law keeps). */
    public Outcome<Void> archive(Actor actor, UUID id) {
        if (!actor.canWriteTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return tx.write(actor.tenantId(), dsl -> {
            if (PeopleTable.archive(dsl, actor.tenantId(), id, now(), actor.auditName()) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(dsl, actor, "person.archive", "person", id, Result.SUCCESS);
            return Outcome.ok(null);
        });
    }

    /** Active people sorted by reading (gojuon); {@code query} matches names, readings, e-mail, phone. */
    public Outcome<Page<PersonView>> search(Actor actor, String query, PageRequest page) {
        if (!actor.canReadTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return tx.read(actor.tenantId(), dsl -> Outcome.ok(Page.of(
            PeopleTable.page(dsl, actor.tenantId(), query, page),
            PeopleTable.count(dsl, actor.tenantId(), query), page)));
    }

    private OffsetDateTime now() {
        return Columns.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TOKYO));
    }
}
