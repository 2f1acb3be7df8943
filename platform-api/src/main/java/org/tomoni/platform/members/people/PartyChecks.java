package org.tomoni.platform.members.people;

import org.tomoni.platform.members.branches.BranchesTable;
import org.tomoni.platform.members.organizations.OrganizationsTable;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Columns;

import java.util.UUID;

/** Checks against stored data that validation of one party needs: its branch and member number. */
public final class PartyChecks {
    private PartyChecks() {
    }

    public static void branch(DSLContext dsl, UUID tenantId, UUID branchId, Fields f) {
        if (branchId != null && !dsl.fetchExists(BranchesTable.BRANCHES, Columns.TENANT_ID.eq(tenantId), Columns.ID.eq(branchId),
            BranchesTable.ARCHIVED_AT.isNull())) {
            f.error("branchId", "not_found");
        }
    }

    /** A member number is unique across the tenant's people and organisations. */
    public static void memberNumber(DSLContext dsl, UUID tenantId, Long number, UUID self, Fields f) {
        if (number == null) {
            return;
        }
        UUID other = self == null ? UUID.randomUUID() : self;
        boolean taken = dsl.fetchExists(PeopleTable.PEOPLE, Columns.TENANT_ID.eq(tenantId), PeopleTable.MEMBER_NUMBER.eq(number),
            Columns.ID.ne(other))
            || dsl.fetchExists(OrganizationsTable.ORGANIZATIONS, Columns.TENANT_ID.eq(tenantId), OrganizationsTable.MEMBER_NUMBER.eq(number),
            Columns.ID.ne(other));
        if (taken) {
            f.error("memberNumber", "taken");
        }
    }

    public static boolean personExists(DSLContext dsl, UUID tenantId, UUID id, boolean includeSensitive) {
        var c = Columns.TENANT_ID.eq(tenantId).and(Columns.ID.eq(id)).and(PeopleTable.ARCHIVED_AT.isNull());
        if (!includeSensitive) {
            c = c.and(PeopleTable.SENSITIVE.isFalse());
        }
        return dsl.fetchExists(DSL.selectOne().from(PeopleTable.PEOPLE).where(c));
    }
}
