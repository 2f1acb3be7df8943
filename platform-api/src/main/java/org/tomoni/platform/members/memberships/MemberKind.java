package org.tomoni.platform.members.memberships;

/** Who a membership type is for: people, organisations, or both (a 賛助会員 may be either). */
public enum MemberKind {
    PERSON, ORGANIZATION, BOTH;

    /** Whether a member of this kind may hold a membership of a type for {@code typeKind}. */
    public static boolean admits(String typeKind, MemberKind member) {
        return BOTH.code().equals(typeKind) || member.code().equals(typeKind);
    }

    public String code() {
        return name().toLowerCase();
    }
}
