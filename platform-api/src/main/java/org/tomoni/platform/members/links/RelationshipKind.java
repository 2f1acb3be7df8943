package org.tomoni.platform.members.links;

/** How one person relates to another: the first is the parent / guardian / spouse of the second. */
public enum RelationshipKind {
    PARENT, GUARDIAN, SPOUSE;

    public String code() {
        return name().toLowerCase();
    }
}
