package org.tomoni.platform.members;

/** Who a membership type is for. */
public enum MemberKind {
    PERSON, ORGANIZATION;

    public String code() {
        return name().toLowerCase();
    }
}
