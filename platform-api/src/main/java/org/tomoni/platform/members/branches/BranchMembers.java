package org.tomoni.platform.members.branches;

import org.tomoni.platform.persistence.TenantScope;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many active rows of a package name each branch: offered by people and organisations, whose
 * rows carry the branch, so that branches counts them without naming their tables (and without
 * depending on their packages).
 */
public interface BranchMembers {
    /** Which count of {@link BranchView} this is. */
    enum Kind { PEOPLE, ORGANIZATIONS }

    Kind kind();

    /** Active rows per branch, for the given branches; a branch without any may be left out. */
    Map<UUID, Long> countByBranch(TenantScope scope, Collection<UUID> branchIds);
}
