package org.tomoni.platform.members.organizations;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.JapaneseText;

import java.util.UUID;

/**
 * The join links and memberships use to show an organisation by name without naming its table
 * (README, "How to add a table": a published join). One instance per alias.
 */
public final class OrganizationNames {
    private final OrganizationRepository.NameFields f;

    private OrganizationNames(OrganizationRepository.NameFields f) {
        this.f = f;
    }

    public static OrganizationNames alias(String name) {
        return new OrganizationNames(OrganizationRepository.names(name));
    }

    public Table<?> table() {
        return f.table();
    }

    /** Joins the organisation {@code organizationId} of the scope's tenant. */
    public Condition on(TenantScope scope, Field<UUID> organizationId) {
        return f.tenantId().eq(scope.tenantId()).and(f.id().eq(organizationId));
    }

    public Field<String> name() {
        return f.name();
    }

    /** The reading (receipts, the donor list). */
    public Field<String> nameKana() {
        return f.nameKana();
    }

    public Field<String> postalCode() {
        return f.postalCode();
    }

    /** The postal address on one line, as an envelope or a receipt prints it. */
    public Field<String> postalAddress() {
        return f.postalAddress();
    }

    public Field<UUID> id() {
        return f.id();
    }

    public Field<Long> memberNumber() {
        return f.memberNumber();
    }

    /** The organisation matches a search text (name, reading, e-mail, phone), as the organisation list searches. */
    public Condition matches(String query) {
        return f.searchText().contains(JapaneseText.searchForm(query));
    }
}
