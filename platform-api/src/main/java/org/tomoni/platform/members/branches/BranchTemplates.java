package org.tomoni.platform.members.branches;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.KindTemplate;
import org.tomoni.platform.tenancy.Module;

/** The {@code branches} (支部) section of a tenant kind's templates: each entry a branch request, created through {@link Branches}. */
@Singleton
class BranchTemplates implements KindTemplate<BranchRequest> {
    private final Branches branches;

    BranchTemplates(Branches branches) {
        this.branches = branches;
    }

    @Override
    public String key() {
        return "branches";
    }

    @Override
    public Module module() {
        return Module.MEMBERS;
    }

    @Override
    public Class<BranchRequest> entryType() {
        return BranchRequest.class;
    }

    @Override
    public Outcome<?> apply(Actor admin, BranchRequest entry) {
        return branches.create(admin, entry);
    }
}
