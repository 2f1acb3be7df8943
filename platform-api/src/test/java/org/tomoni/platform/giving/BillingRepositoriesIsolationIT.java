package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing repositories through tenant B's scope, against tenant A's run, charges, batch and gift: B sees none of
 * them and changes none of them, whatever ids it names.
 */
@MicronautTest(transactional = false)
class BillingRepositoriesIsolationIT extends PlatformTest {
    private static final LocalDate PERIOD = LocalDate.of(2033, 3, 1);
    TestTenant a;
    TestTenant b;
    UUID runOfA;
    UUID batchOfA;
    UUID giftOfA;

    @BeforeAll
    void setUp() throws Exception {
        a = tenants().create("billing-iso-a", "grant_fund");
        b = tenants().create("billing-iso-b", "grant_fund");
        String plan = api().post("/api/v1/gift-plans", a.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly"))
            .json().get("id").asText();
        String person = api().post("/api/v1/people", a.adminToken(), Map.of("familyName", "山田", "givenName", "花子", "familyNameKana", "ヤマダ",
            "givenNameKana", "ハナコ")).json().get("id").asText();
        giftOfA = UUID.fromString(api().post("/api/v1/recurring-gifts", a.adminToken(), Map.of("personId", person, "planId", plan, "units", 1,
            "paymentMethod", "direct_debit", "startMonth", "2027-01")).json().get("id").asText());
        try (var c = ownerConnection(a.id()); var st = c.createStatement()) {
            st.execute("update recurring_gifts set bank_code = '0005', branch_code = '001', account_type = 1, account_number_enc = 'v1:x',"
                + " account_number_mask = '****567', account_holder_kana = 'ﾔﾏﾀﾞ' where id = '" + giftOfA + "'");
        }
        JsonNode run = api().post("/api/v1/billing-runs", a.adminToken(), Map.of("period", "2033-03")).json();
        runOfA = UUID.fromString(run.get("id").asText());
        batchOfA = UUID.fromString(run.get("batches").get(0).get("id").asText());
    }

    @Test
    void tenant_b_reads_nothing_of_tenant_a_through_the_billing_repositories() {
        TenantTransactions tx = context.getBean(TenantTransactions.class);
        tx.read(b.admin(), scope -> {
            assertThat(BillingRunRepository.find(scope, runOfA)).isEmpty();
            assertThat(BillingRunRepository.count(scope)).isZero();
            assertThat(BillingRunRepository.exists(scope, PERIOD)).isFalse();
            assertThat(ChargeRepository.ofPeriods(scope, Set.of(PERIOD))).isEmpty();
            assertThat(ChargeRepository.ofRun(scope, runOfA, PERIOD).count()).isZero();
            assertThat(ChargeRepository.pendingCards(scope, PERIOD)).isEmpty();
            try (var rows = ChargeRepository.debits(scope, batchOfA, 10)) {
                assertThat(rows.hasNext()).isFalse();
            }
            assertThat(DebitBatchRepository.find(scope, batchOfA)).isEmpty();
            assertThat(DebitBatchRepository.ofPeriods(scope, Set.of(PERIOD))).isEmpty();
            assertThat(DebitBatchRepository.count(scope)).isZero();
            return null;
        });
        tx.read(a.admin(), scope -> {
            assertThat(BillingRunRepository.find(scope, runOfA)).isPresent();
            assertThat(ChargeRepository.ofPeriods(scope, Set.of(PERIOD)).get(PERIOD).count()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void tenant_b_changes_nothing_of_tenant_a_through_the_billing_repositories() throws Exception {
        TenantTransactions tx = context.getBean(TenantTransactions.class);
        tx.write(b.admin(), scope -> {
            BillingRunRepository.complete(scope, runOfA, 99, 0, 99);
            assertThat(ChargeRepository.chargeGifts(scope, runOfA, PERIOD)).isZero();
            assertThat(DebitBatchRepository.lock(scope, batchOfA)).isFalse();
            DebitBatchRepository.openStaging(scope);
            DebitBatchRepository.stage(scope, batchOfA, List.of(new DebitBatchRepository.Result(2, "00000000000000000001", 300, (short) 1)));
            assertThat(ChargeRepository.firstMismatch(scope, batchOfA)).isPresent();
            assertThat(ChargeRepository.applyResults(scope, batchOfA, (short) 0, Map.of((short) 1, "1: 資金不足"))).isZero();
            ChargeRepository.copyFailed(scope, batchOfA);
            assertThat(BilledGiftRepository.failedDebits(scope)).isEmpty();
            BilledGiftRepository.failFromBatch(scope, Set.of((short) 1));
            RecurringGiftRepository.cardDeclined(scope, giftOfA, "card_declined", "b");
            DebitBatchRepository.reconciled(scope, batchOfA, 0, 0, 1, 300, "1,1,300");
            assertThat(ChargeRepository.assignBatch(scope, PERIOD, UUID.randomUUID())).isZero();
            return null;
        });
        try (var c = ownerConnection(a.id()); var st = c.createStatement()) {
            assertThat(value(st.executeQuery("select status || ':' || charges_created from billing_runs where id = '" + runOfA + "'")))
                .isEqualTo("completed:1");
            assertThat(value(st.executeQuery("select status || ':' || coalesce(batch_id::text, '-') from charges where run_id = '" + runOfA + "'")))
                .isEqualTo("pending:" + batchOfA);
            assertThat(value(st.executeQuery("select status from debit_batches where id = '" + batchOfA + "'"))).isEqualTo("created");
            assertThat(value(st.executeQuery("select status from recurring_gifts where id = '" + giftOfA + "'"))).isEqualTo("active");
            assertThat(value(st.executeQuery("select count(*)::text from debit_results"))).isEqualTo("0");
        }
    }

    private static String value(ResultSet r) throws Exception {
        r.next();
        return r.getString(1);
    }
}
