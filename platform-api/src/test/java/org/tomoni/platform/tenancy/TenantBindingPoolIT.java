package org.tomoni.platform.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The tenant binding lives exactly as long as its transaction. With a pool of one connection,
 * every transaction reuses the connection the previous one left behind.
 */
@MicronautTest(transactional = false)
class TenantBindingPoolIT extends PlatformTest {
    @Inject
    TenantTransactions tx;
    @Inject
    People people;
    TestTenant a;
    TestTenant b;

    @Override
    protected int poolSize() {
        return 1;
    }

    @BeforeAll
    void createTenants() {
        a = tenants().create("tenant-a");
        b = tenants().create("tenant-b");
    }

    @Test
    void after_a_commit_a_rollback_and_an_exception_as_tenant_a_a_fresh_transaction_sees_nothing() {
        people.create(a.admin(), person("山田", "ヤマダ")).orThrow();
        assertThat(visiblePeopleWithoutTenant()).isZero();

        tx.write(a.id(), dsl -> {
            dsl.execute("select 1");
            return Outcome.rejected(org.tomoni.platform.shared.ErrorCode.NOT_FOUND);
        });
        assertThat(visiblePeopleWithoutTenant()).isZero();

        assertThatThrownBy(() -> tx.write(a.id(), dsl -> {
            dsl.fetchCount(table(name("people")));
            throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");
        assertThat(visiblePeopleWithoutTenant()).isZero();
        assertThat((int) tx.read(b.id(), dsl -> dsl.fetchCount(table(name("people"))))).as("tenant B after A").isZero();
        assertThat((int) tx.read(a.id(), dsl -> dsl.fetchCount(table(name("people"))))).isEqualTo(1);
    }

    @Test
    void a_rejected_outcome_rolls_back_what_the_transaction_wrote() {
        long before = people.search(a.admin(), "", PageRequest.of(0, 100)).orThrow().total();
        tx.write(a.id(), dsl -> {
            people.create(a.admin(), person("取消", "トリケシ")).orThrow();
            return Outcome.rejected(org.tomoni.platform.shared.ErrorCode.VERSION_CONFLICT);
        });
        assertThat(people.search(a.admin(), "", PageRequest.of(0, 100)).orThrow().total()).isEqualTo(before);
    }

    @Test
    void work_of_one_tenant_cannot_nest_work_of_another() {
        assertThatThrownBy(() -> tx.write(a.id(), dsl -> tx.read(b.id(), inner -> 1)))
            .isInstanceOf(IllegalStateException.class);
        assertThat(visiblePeopleWithoutTenant()).isZero();
    }

    private long visiblePeopleWithoutTenant() {
        return tx.platform(dsl -> {
            String bound = dsl.select(field("current_setting('app.tenant_id', true)", String.class)).fetchOne(0, String.class);
            assertThat(bound == null || bound.isEmpty()).as("no tenant bound, was %s", bound).isTrue();
            return dsl.select(count()).from(table(name("people"))).fetchOne(0, Long.class);
        });
    }

    static PersonRequest person(String family, String kana) {
        return PersonRequest.basic(family, "花子", kana, "ハナコ", null, null, null, null, null, null, null, null, null);
    }
}
