package org.tomoni.platform.members.memberships;

/** Who a membership type is for. */
public enum MemberKind {
    PERSON, ORGANIZATION;

    public String code() {
        return name().toLowerCase();
    }
}
