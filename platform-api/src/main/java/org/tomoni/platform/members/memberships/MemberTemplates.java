package org.tomoni.platform.members.memberships;

import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.Branches;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.KindTemplate;
import org.tomoni.platform.tenancy.Module;

/**
 * The members module's sections of a tenant kind's templates: {@code branches} (支部) and
 * {@code membershipTypes} (the fee schedule), each entry shaped as the API's own request and
 * created through the module's facade, with its rules.
 */
@Factory
class MemberTemplates {

    @Singleton
    KindTemplate<BranchRequest> branches(Branches branches) {
        return new Section<>("branches", BranchRequest.class) {
            @Override
            public Outcome<?> apply(Actor admin, BranchRequest entry) {
                return branches.create(admin, entry);
            }
        };
    }

    @Singleton
    KindTemplate<MembershipTypeRequest> membershipTypes(MembershipTypes types) {
        return new Section<>("membershipTypes", MembershipTypeRequest.class) {
            @Override
            public Outcome<?> apply(Actor admin, MembershipTypeRequest entry) {
                return types.create(admin, entry);
            }
        };
    }

    private abstract static class Section<R extends Record> implements KindTemplate<R> {
        private final String key;
        private final Class<R> type;

        Section(String key, Class<R> type) {
            this.key = key;
            this.type = type;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public Module module() {
            return Module.MEMBERS;
        }

        @Override
        public Class<R> entryType() {
            return type;
        }
    }
}
