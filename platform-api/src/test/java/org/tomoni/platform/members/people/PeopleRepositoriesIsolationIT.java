package org.tomoni.platform.members.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant B's scope sees and changes nothing of tenant A through the people and member-number repositories or the name join. */
@MicronautTest(transactional = false)
class PeopleRepositoriesIsolationIT extends PlatformTest {

    @Test
    void another_tenants_scope_finds_counts_joins_and_changes_none_of_a_tenants_people() {
        TestTenant a = tenants().create("people-repo-a");
        TestTenant b = tenants().create("people-repo-b");
        var created = api().post("/api/v1/people", a.adminToken(), Map.of("familyName", "隔離", "givenName", "太郎", "familyNameKana", "カクリ",
            "givenNameKana", "タロウ", "email", "kakuri@example.jp", "memberNumber", "4242"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asText());
        TenantTransactions tx = context.getBean(TenantTransactions.class);

        boolean seenByA = tx.read(a.admin(), scope -> PeopleRepository.exists(scope, id, true));
        boolean seenByB = tx.read(b.admin(), scope -> PeopleRepository.exists(scope, id, true));
        Optional<PersonView> foundByB = tx.read(b.admin(), scope -> PeopleRepository.find(scope, id, true));
        List<PeopleRepository.ImportKey> keysOfB = tx.read(b.admin(), scope -> PeopleRepository.importKeys(scope));
        long countedByB = tx.read(b.admin(), scope -> PeopleRepository.count(scope, PeopleFilter.query("カクリ"), true));
        int joinedByA = tx.read(a.admin(), scope -> scope.dsl().fetchCount(scope.dsl().selectOne().from(PersonNames.table())
            .where(PersonNames.on(scope, DSL.val(id)))));
        int joinedByB = tx.read(b.admin(), scope -> scope.dsl().fetchCount(scope.dsl().selectOne().from(PersonNames.table())
            .where(PersonNames.on(scope, DSL.val(id)))));
        boolean issuedInB = tx.read(b.admin(), scope -> MemberNumberRepository.issued(scope, 4242));
        Fields f = new Fields();
        tx.read(b.admin(), scope -> {
            MemberNumbers.check(scope, 4242L, null, f);
            return null;
        });
        int archivedByB = tx.write(b.admin(), scope -> PeopleRepository.archive(scope, id));
        tx.write(b.admin(), scope -> {
            PeopleRepository.setMemberNumber(scope, id, 1);
            return null;
        });
        PersonView after = tx.read(a.admin(), scope -> PeopleRepository.find(scope, id, true)).orElseThrow();

        assertThat(seenByA).isTrue();
        assertThat(seenByB).isFalse();
        assertThat(foundByB).isEmpty();
        assertThat(keysOfB).isEmpty();
        assertThat(countedByB).isZero();
        assertThat(joinedByA).isOne();
        assertThat(joinedByB).isZero();
        assertThat(issuedInB).isFalse();
        assertThat(f.ok()).as("tenant B may give 4242 too").isTrue();
        assertThat(archivedByB).isZero();
        assertThat(after.memberNumber()).isEqualTo(4242L);
    }
    @Test
    void a_pair_marked_not_the_same_in_one_tenant_is_neither_seen_nor_written_through_another_tenants_scope() {
        TestTenant a = tenants().create("dismiss-repo-a");
        TestTenant b = tenants().create("dismiss-repo-b");
        UUID one = personOf(a, "イチ");
        UUID two = personOf(a, "ニ");
        TenantTransactions tx = context.getBean(TenantTransactions.class);
        tx.write(a.admin(), scope -> {
            DuplicateDismissalRepository.dismiss(scope, two, one);
            return null;
        });

        boolean seenByA = tx.read(a.admin(), scope -> DuplicateDismissalRepository.dismissed(scope, one, two));
        boolean seenByB = tx.read(b.admin(), scope -> DuplicateDismissalRepository.dismissed(scope, one, two));
        int rowsForB = tx.read(b.admin(), scope -> scope.dsl().fetchCount(org.tomoni.platform.schema.Tables.DUPLICATE_DISMISSALS));
        assertThat(seenByA).isTrue();
        assertThat(seenByB).isFalse();
        assertThat(rowsForB).as("forced RLS: B reads none of A's rows").isZero();
        UUID three = personOf(a, "サン");
        assertThatThrownBy(() -> tx.write(b.admin(), scope -> {
            DuplicateDismissalRepository.dismiss(scope, one, three);
            return null;
        })).as("B cannot mark A's people").isInstanceOf(RuntimeException.class);
        boolean writtenByB = tx.read(a.admin(), scope -> DuplicateDismissalRepository.dismissed(scope, one, three));
        assertThat(writtenByB).isFalse();
    }

    private UUID personOf(TestTenant t, String given) {
        var created = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "対", "givenName", given, "familyNameKana", "ツイ",
            "givenNameKana", given));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }
}
