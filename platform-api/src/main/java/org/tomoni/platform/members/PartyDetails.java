package org.tomoni.platform.members;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.UUID;

/** The links a single person or organisation read carries: relationships, affiliations, memberships. */
@Singleton
class PartyDetails {
    private final AccessPolicy policy;
    private static final PageRequest ALL = new PageRequest(0, 1000);
    private final Memberships memberships;

    PartyDetails(Memberships memberships, AccessPolicy policy) {
        this.policy = policy;
        this.memberships = memberships;
    }

    List<RelationshipView> relationshipsOf(DSLContext dsl, Actor actor, UUID personId) {
        return LinksTable.relationships(dsl, actor.tenantId(), LinksTable.relationshipOf(personId), policy.seesSensitive(actor), ALL);
    }

    List<AffiliationView> affiliationsOfPerson(DSLContext dsl, Actor actor, UUID personId) {
        return LinksTable.affiliations(dsl, actor.tenantId(), LinksTable.affiliationOfPerson(personId), policy.seesSensitive(actor), ALL);
    }

    List<AffiliationView> affiliationsOfOrganization(DSLContext dsl, Actor actor, UUID organizationId) {
        return LinksTable.affiliations(dsl, actor.tenantId(), LinksTable.affiliationOfOrganization(organizationId),
            policy.seesSensitive(actor), ALL);
    }

    List<MembershipView> membershipsOf(DSLContext dsl, Actor actor, UUID personId, UUID organizationId) {
        return memberships.ofMember(dsl, actor, personId, organizationId);
    }
}
