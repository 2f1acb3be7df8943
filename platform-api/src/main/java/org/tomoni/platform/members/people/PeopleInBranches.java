package org.tomoni.platform.members.people;

import jakarta.inject.Singleton;
import org.tomoni.platform.members.branches.BranchMembers;
import org.tomoni.platform.persistence.TenantScope;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The branch list's count of active people. */
@Singleton
class PeopleInBranches implements BranchMembers {
    @Override
    public Kind kind() {
        return Kind.PEOPLE;
    }

    @Override
    public Map<UUID, Long> countByBranch(TenantScope scope, Collection<UUID> branchIds) {
        return PeopleRepository.countByBranch(scope, branchIds);
    }
}
