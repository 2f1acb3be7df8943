package org.tomoni.platform.members.organizations;

/** What kind of organisation a party is. */
public enum OrganizationKind {
    UNION_FEDERATION, NPO, COOP, COMPANY, GOVERNMENT, SCHOOL, MEDICAL, OTHER;

    public String code() {
        return name().toLowerCase();
    }
}
