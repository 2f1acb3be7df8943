package org.tomoni.platform.members.people;

import org.tomoni.platform.members.links.AffiliationView;
import org.tomoni.platform.members.links.LinksTable;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.links.RelationshipView;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.UUID;

/** The links a single person or organisation read carries: relationships, affiliations, memberships. */
@Singleton
public class PartyDetails {
    private final AccessPolicy policy;
    private static final PageRequest ALL = new PageRequest(0, 1000);
    private final Memberships memberships;

    PartyDetails(Memberships memberships, AccessPolicy policy) {
        this.policy = policy;
        this.memberships = memberships;
    }

    public List<RelationshipView> relationshipsOf(DSLContext dsl, Actor actor, UUID personId) {
        return LinksTable.relationships(dsl, actor.tenantId(), LinksTable.relationshipOf(personId), policy.seesSensitive(actor), ALL);
    }

    public List<AffiliationView> affiliationsOfPerson(DSLContext dsl, Actor actor, UUID personId) {
        return LinksTable.affiliations(dsl, actor.tenantId(), LinksTable.affiliationOfPerson(personId), policy.seesSensitive(actor), ALL);
    }

    public List<AffiliationView> affiliationsOfOrganization(DSLContext dsl, Actor actor, UUID organizationId) {
        return LinksTable.affiliations(dsl, actor.tenantId(), LinksTable.affiliationOfOrganization(organizationId),
            policy.seesSensitive(actor), ALL);
    }

    public List<MembershipView> membershipsOf(DSLContext dsl, Actor actor, UUID personId, UUID organizationId) {
        return memberships.ofMember(dsl, actor, personId, organizationId);
    }
}
