package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a run that charged gifts and dues showed only its debit batch. Every charge of a run is listed, by method,
 * status and person, with why it stands where it does; a batch lists who is in it; donations are cancelled or corrected
 * by counter-entries, never edited.
 */
@MicronautTest(transactional = false)
class ChargesAndCounterEntriesIT extends PlatformTest {
    private static final Charset JIS = Charset.forName("windows-31j");
    TestTenant t;
    TestTenant other;
    String plan;

    @BeforeAll
    void setUp() {
        t = tenants().create("charges-a", "grant_fund");
        other = tenants().create("charges-b", "grant_fund");
        // One-off gifts and fees, each charged in its own period only: the tests' runs do not charge each other's.
        plan = api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "once"))
            .json().get("id").asText();
        Map<String, Object> s = new HashMap<>();
        s.put("organizationAddress", "東京都千代田区千代田1-1");
        s.put("consignorCode", "1234567890");
        s.put("consignorKana", "ﾄﾓﾆｷｷﾝ");
        s.put("bankCode", "0009");
        s.put("branchCode", "100");
        s.put("accountType", 1);
        s.put("accountNumber", "7654321");
        s.put("debitDay", 27);
        s.put("staffEmail", "office@" + t.slug() + ".test");
        assertThat(api().put("/api/v1/giving/settings", t.adminToken(), s, Map.of("If-Match", "\"0\"")).status()).isEqualTo(200);
    }

    private record Run(String runId, String batchId, String donor, String noAccount, List<String> members) {
    }

    /** One gift with a bank account (direct debit), one entered without it, three members paying 600 yen dues by transfer. */
    private Run billedPeriod(String period) {
        String donor = person("口座", "一郎", "コウザ", "イチロウ");
        String withAccount = gift(donor, period);
        try (var c = ownerConnection(t.id()); var st = c.createStatement()) {
            st.execute("update recurring_gifts set bank_code = '0005', branch_code = '001', account_type = 1, account_number_enc = 'v1:x',"
                + " account_number_mask = '****567', account_holder_kana = 'ｺｳｻﾞ' where id = '" + withAccount + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String noAccount = person("未登録", "二郎", "ミトウロク", "ジロウ");
        gift(noAccount, period);
        String type = api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "月会費" + System.nanoTime(), "feeYen", 600,
            "period", "once", "perUnit", false, "memberKind", "person")).json().get("id").asText();
        List<String> members = new ArrayList<>();
        for (String given : List.of("花子", "桃子", "梅子")) {
            String m = person("会員", given, "カイイン", "ハナコ");
            ApiResponse ms = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", m, "typeId", type, "units", 1,
                "startsOn", period + "-01"));
            assertThat(ms.status()).as(ms.toString()).isEqualTo(201);
            members.add(m);
        }
        JsonNode run = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", period)).json();
        return new Run(run.get("id").asText(), run.get("batches").get(0).get("id").asText(), donor, noAccount, members);
    }

    @Test
    void every_charge_of_a_run_is_listed_with_its_method_status_and_why_not_in_the_batch() {
        Run run = billedPeriod("2031-05");
        JsonNode batches = api().get("/api/v1/billing-runs/" + run.runId(), t.adminToken()).json().get("batches");
        assertThat(batches).as("the situation of the issue: one debit in the only batch").hasSize(1);
        assertThat(batches.get(0).get("count").asInt()).isEqualTo(1);

        JsonNode page = api().get("/api/v1/charges?runId=" + run.runId() + "&size=50", t.adminToken()).json();
        assertThat(page.get("total").asLong()).as("every charge of the run").isEqualTo(5);
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(c -> lines.add(c.get("name").asText() + "|" + c.get("kind").asText() + "|" + c.get("method").asText() + "|"
            + c.get("status").asText() + "|" + c.get("standing").asText() + "|" + c.get("amount").asLong()));
        assertThat(lines).containsExactlyInAnyOrder("口座 一郎|donation|direct_debit|pending|in_batch|300",
            "未登録 二郎|donation|direct_debit|pending|no_bank_account|300", "会員 花子|fee|bank_transfer|pending|awaiting_transfer|600",
            "会員 桃子|fee|bank_transfer|pending|awaiting_transfer|600", "会員 梅子|fee|bank_transfer|pending|awaiting_transfer|600");

        JsonNode totals = api().get("/api/v1/charges/totals?runId=" + run.runId(), t.adminToken()).json();
        assertThat(totals.get("count").asLong()).isEqualTo(5);
        assertThat(totals.get("amount").asLong()).isEqualTo(2400);
        List<String> byMethod = new ArrayList<>();
        totals.get("byMethodAndStatus").forEach(x -> byMethod.add(x.get("method").asText() + ":" + x.get("status").asText() + ":"
            + x.get("count").asLong() + ":" + x.get("amount").asLong()));
        assertThat(byMethod).containsExactly("bank_transfer:pending:3:1800", "direct_debit:pending:2:600");

        assertThat(api().get("/api/v1/charges?runId=" + run.runId() + "&method=bank_transfer", t.adminToken()).json().get("total").asLong())
            .isEqualTo(3);
        assertThat(api().get("/api/v1/charges?runId=" + run.runId() + "&status=collected", t.adminToken()).json().get("total").asLong()).isZero();
        assertThat(api().get("/api/v1/charges?runId=" + run.runId() + "&name=" + java.net.URLEncoder.encode("未登録", java.nio.charset.StandardCharsets.UTF_8),
            t.adminToken()).json().get("total").asLong()).isEqualTo(1);
        JsonNode mine = api().get("/api/v1/charges?personId=" + run.members().get(0), t.adminToken()).json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("runId").asText()).isEqualTo(run.runId());
        ApiResponse bad = api().get("/api/v1/charges?method=cheque&status=lost", t.adminToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"method\"", "\"status\"");
        assertThat(api().get("/api/v1/charges?runId=not-a-uuid", t.adminToken()).json().get("total").asLong()).isZero();
    }

    @Test
    void a_fee_paid_by_transfer_is_recorded_as_received_once_and_becomes_money_received() {
        Run run = billedPeriod("2031-06");
        String fee = api().get("/api/v1/charges?runId=" + run.runId() + "&method=bank_transfer", t.adminToken()).json().get("items").get(0)
            .get("id").asText();
        ApiResponse paid = api().post("/api/v1/charges/" + fee + "/transfer", t.adminToken(), Map.of("receivedOn", "2026-11-02"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("collected");
        assertThat(paid.json().get("standing").isNull()).isTrue();
        JsonNode donation = api().get("/api/v1/donations/" + fee, t.adminToken()).json();
        assertThat(donation.get("kind").asText()).isEqualTo("fee");
        assertThat(donation.get("amount").asLong()).isEqualTo(600);
        ApiResponse again = api().post("/api/v1/charges/" + fee + "/transfer", t.adminToken(), Map.of("receivedOn", "2026-11-02"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("not_pending");
        String debit = api().get("/api/v1/charges?runId=" + run.runId() + "&method=direct_debit", t.adminToken()).json().get("items").get(0)
            .get("id").asText();
        assertThat(api().post("/api/v1/charges/" + debit + "/transfer", t.adminToken(), Map.of("receivedOn", "2026-11-02")).body())
            .contains("not_transfer");
    }

    @Test
    void a_batch_lists_who_is_in_it_and_each_debits_result_after_reconciliation() throws Exception {
        Run run = billedPeriod("2031-07");
        JsonNode debits = api().get("/api/v1/direct-debit/batches/" + run.batchId() + "/debits", t.adminToken()).json();
        assertThat(debits.get("total").asLong()).isEqualTo(1);
        JsonNode d = debits.get("items").get(0);
        assertThat(d.get("name").asText()).isEqualTo("口座 一郎");
        assertThat(d.get("bankCode").asText()).isEqualTo("0005");
        assertThat(d.get("branchCode").asText()).isEqualTo("001");
        assertThat(d.get("accountMask").asText()).isEqualTo("****567");
        assertThat(d.get("amount").asLong()).isEqualTo(300);
        assertThat(d.get("status").asText()).isEqualTo("pending");

        // The request file cannot be made with the fixture's sealed account, so the bank's answer is written as its records.
        String customer = String.format("%020d", 0);
        try (var c = ownerConnection(t.id()); var st = c.createStatement();
             ResultSet r = st.executeQuery("select customer_number from charges where batch_id = '" + run.batchId() + "'")) {
            r.next();
            customer = r.getString(1);
            st.execute("update debit_batches set debit_date = current_date - 1 where id = '" + run.batchId() + "'");
        }
        byte[] result = result(customer, 300, '1');
        ApiResponse reconciled = api().upload("/api/v1/direct-debit/batches/" + run.batchId() + "/result", t.adminToken(), result,
            "application/octet-stream");
        assertThat(reconciled.status()).as(reconciled.toString()).isEqualTo(200);
        JsonNode after = api().get("/api/v1/direct-debit/batches/" + run.batchId() + "/debits", t.adminToken()).json().get("items").get(0);
        assertThat(after.get("status").asText()).isEqualTo("failed");
        assertThat(after.get("resultCode").asInt()).isEqualTo(1);
        var csv = api().bytes("/api/v1/direct-debit/batches/" + run.batchId() + "/debits.csv", t.adminToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("氏名", "口座 一郎", "0005", "001", "****567", "300",
            "振替不能", "資金不足").doesNotContain("1234567");
        assertThat(api().bytes("/api/v1/direct-debit/batches/" + run.batchId() + "/debits.csv", other.adminToken()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/direct-debit/batches/" + UUID.randomUUID() + "/debits", t.adminToken()).status()).isEqualTo(404);
    }

    /** A result file of one data record: header, the record with its code, trailer, end (the bank's layout, 120 bytes each). */
    private byte[] result(String customer, long amount, char code) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var consignor = new ZenginDebitFile.Consignor("1234567890", "ﾄﾓﾆｷｷﾝ", "0009", "100", 1, "7654321");
        var debit = new ZenginDebitFile.Debit("0005", "001", 1, "1234567", "ｺｳｻﾞ", amount, '0', customer);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ZenginDebitFile.write(request, consignor, LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1), List.of(debit).iterator());
        byte[] file = request.toByteArray();
        for (int i = 0; i + 120 <= file.length; i += 122) {
            lines.add(new String(file, i, 120, JIS));
        }
        String record = lines.get(1);
        lines.set(1, record.substring(0, 111) + code + record.substring(112));
        long debited = code == '0' ? amount : 0;
        lines.set(2, ZenginDebitFile.trailer(1, amount, code == '0' ? 1 : 0, debited, code == '0' ? 0 : 1, amount - debited));
        for (String l : lines) {
            out.writeBytes(l.getBytes(JIS));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    @Test
    void a_cancellation_is_a_counter_entry_with_a_reason_audited_netted_and_refused_twice() throws Exception {
        String p = person("取消", "三郎", "トリケシ", "サブロウ");
        JsonNode kept = donation(p, 2_000, "2025-03-01");
        JsonNode d = donation(p, 5_000, "2025-04-01");
        String id = d.get("id").asText();
        String path = "/api/v1/donations/" + id + "/cancellation";

        ApiResponse noReason = api().send("POST", path, t.adminToken(), Map.of("reason", " "), Map.of("If-Match", "\"0\""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"reason\"", "required");
        ApiResponse stale = api().send("POST", path, t.adminToken(), Map.of("reason", "二重入力"), Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("version_conflict");
        assertThat(api().send("POST", path, t.adminToken(), Map.of("reason", "二重入力"), Map.of()).status()).isEqualTo(428);

        ApiResponse cancelled = api().send("POST", path, t.adminToken(), Map.of("reason", "二重入力"), Map.of("If-Match", "\"0\""));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode counter = cancelled.json().get("counterEntry");
        assertThat(counter.get("state").asText()).isEqualTo("counter_entry");
        assertThat(counter.get("amount").asLong()).isEqualTo(-5_000);
        assertThat(counter.get("reversesId").asText()).isEqualTo(id);
        assertThat(counter.get("reason").asText()).isEqualTo("二重入力");
        assertThat(counter.get("receivedOn").asText()).as("in the original's year").isEqualTo("2025-04-01");
        JsonNode original = api().get("/api/v1/donations/" + id, t.adminToken()).json();
        assertThat(original.get("state").asText()).isEqualTo("cancelled");
        assertThat(original.get("amount").asLong()).as("never edited").isEqualTo(5_000);
        assertThat(original.get("reversedBy").asText()).isEqualTo(counter.get("id").asText());

        ApiResponse twice = api().send("POST", path, t.adminToken(), Map.of("reason", "もう一度"), Map.of("If-Match",
            "\"" + original.get("version").asLong() + "\""));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already_reversed");
        ApiResponse ofCounter = api().send("POST", "/api/v1/donations/" + counter.get("id").asText() + "/cancellation", t.adminToken(),
            Map.of("reason", "x"), Map.of("If-Match", "\"0\""));
        assertThat(ofCounter.status()).isEqualTo(400);
        assertThat(ofCounter.body()).contains("counter_entry");

        JsonNode history = api().get("/api/v1/donations?personId=" + p, t.adminToken()).json();
        assertThat(history.get("total").asLong()).as("both entries stay in the person's history").isEqualTo(3);
        long sum = 0;
        for (JsonNode x : history.get("items")) {
            sum += x.get("amount").asLong();
        }
        assertThat(sum).as("the history nets out").isEqualTo(2_000);
        var preview = ((org.tomoni.platform.shared.Outcome.Ok<Receipts.AnnualPreview>) context.getBean(Receipts.class)
            .annualPreview(t.admin(), UUID.fromString(p), 2025)).value();
        assertThat(preview.total()).as("the annual receipt nets out").isEqualTo(2_000);
        assertThat(preview.donations()).isEqualTo(1);
        assertThat(api().post("/api/v1/receipts", t.adminToken(), Map.of("donationId", id)).body()).contains("reversed");
        String before = new String(api().bytes("/api/v1/donor-list?fiscalYear=2024", t.adminToken()).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(before).contains("取消 三郎", "2000");
        String csv = new String(api().bytes("/api/v1/donor-list?fiscalYear=2025", t.adminToken()).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).as("the cancelled donation and its counter-entry net to nothing").doesNotContain("取消 三郎");
        assertThat(actions(id)).contains("donation.cancel");
        assertThat(kept.get("state").asText()).isEqualTo("active");
    }

    @Test
    void a_correction_reverses_the_donation_and_records_the_corrected_one_and_a_receipted_donation_is_refused() throws Exception {
        String p = person("訂正", "四郎", "テイセイ", "シロウ");
        String id = donation(p, 3_000, "2025-05-01").get("id").asText();
        String path = "/api/v1/donations/" + id + "/correction";
        ApiResponse same = api().send("POST", path, t.adminToken(), Map.of("amount", 3_000, "reason", "確認"), Map.of("If-Match", "\"0\""));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("unchanged");
        assertThat(api().send("POST", path, t.adminToken(), Map.of("amount", 30_000), Map.of("If-Match", "\"0\"")).body())
            .contains("\"reason\"");

        ApiResponse corrected = api().send("POST", path, t.adminToken(), Map.of("amount", 30_000, "receivedOn", "2025-05-02",
            "reason", "桁の入力誤り"), Map.of("If-Match", "\"0\""));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode fresh = corrected.json().get("corrected");
        assertThat(fresh.get("amount").asLong()).isEqualTo(30_000);
        assertThat(fresh.get("receivedOn").asText()).isEqualTo("2025-05-02");
        assertThat(fresh.get("method").asText()).isEqualTo("bank_transfer");
        assertThat(fresh.get("correctsId").asText()).isEqualTo(id);
        assertThat(corrected.json().get("counterEntry").get("amount").asLong()).isEqualTo(-3_000);
        assertThat(corrected.json().get("original").get("state").asText()).isEqualTo("corrected");
        assertThat(((org.tomoni.platform.shared.Outcome.Ok<Receipts.AnnualPreview>) context.getBean(Receipts.class)
            .annualPreview(t.admin(), UUID.fromString(p), 2025)).value().total()).isEqualTo(30_000);
        assertThat(actions(id)).contains("donation.correct");

        String receipted = donation(p, 1_000, "2025-06-01").get("id").asText();
        JsonNode receipt = api().post("/api/v1/receipts", t.adminToken(), Map.of("donationId", receipted)).json();
        ApiResponse refused = api().send("POST", "/api/v1/donations/" + receipted + "/cancellation", t.adminToken(), Map.of("reason", "返金"),
            Map.of("If-Match", "\"" + api().get("/api/v1/donations/" + receipted, t.adminToken()).json().get("version").asLong() + "\""));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("receipted", receipt.get("receiptNumber").asText());
    }

    @Test
    void another_tenant_sees_and_reverses_none_of_these_through_the_routes_or_the_repositories() {
        Run run = billedPeriod("2031-08");
        String id = donation(person("他", "五郎", "ホカ", "ゴロウ"), 1_000, "2025-07-01").get("id").asText();
        assertThat(api().get("/api/v1/charges?runId=" + run.runId(), other.adminToken()).json().get("total").asLong()).isZero();
        assertThat(api().get("/api/v1/charges?personId=" + run.donor(), other.adminToken()).json().get("total").asLong()).isZero();
        assertThat(api().get("/api/v1/charges/totals?runId=" + run.runId(), other.adminToken()).json().get("count").asLong()).isZero();
        assertThat(api().get("/api/v1/direct-debit/batches/" + run.batchId() + "/debits", other.adminToken()).status()).isEqualTo(404);
        assertThat(api().send("POST", "/api/v1/donations/" + id + "/cancellation", other.adminToken(), Map.of("reason", "x"),
            Map.of("If-Match", "\"0\"")).status()).isEqualTo(404);
        TenantTransactions tx = context.getBean(TenantTransactions.class);
        UUID donation = UUID.fromString(id);
        tx.write(other.admin(), scope -> {
            var all = new ChargeRepository.Filter(null, null, null, null, null, null, null);
            assertThat(ChargeRepository.page(scope, all, new org.tomoni.platform.shared.PageRequest(0, 100))).isEmpty();
            assertThat(ChargeRepository.count(scope, new ChargeRepository.Filter(null, null, UUID.fromString(run.batchId()), null, null, null, null)))
                .isZero();
            assertThat(ChargeRepository.totals(scope, all)).isEmpty();
            assertThat(DonationRepository.insertCounterEntry(scope, UUID.randomUUID(), donation, "x")).isZero();
            assertThat(DonationRepository.insertCorrection(scope, UUID.randomUUID(), donation, 1, LocalDate.of(2025, 1, 1), "cash", null, "x"))
                .isZero();
            assertThat(DonationRepository.touch(scope, donation, 0)).isZero();
            return null;
        });
        assertThat(api().get("/api/v1/donations/" + id, t.adminToken()).json().get("state").asText()).isEqualTo("active");
    }

    private List<String> actions(String targetId) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = ownerConnection(t.id()); var st = c.createStatement();
             ResultSet r = st.executeQuery("select action from audit_log where target_id = '" + targetId + "'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private JsonNode donation(String person, long amount, String on) {
        ApiResponse r = api().post("/api/v1/donations", t.adminToken(), Map.of("personId", person, "amount", amount, "receivedOn", on,
            "method", "bank_transfer"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private String gift(String person, String startMonth) {
        ApiResponse r = api().post("/api/v1/recurring-gifts", t.adminToken(), Map.of("personId", person, "planId", plan, "units", 1,
            "paymentMethod", "direct_debit", "startMonth", startMonth));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String person(String family, String given, String familyKana, String givenKana) {
        ApiResponse r = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", family, "givenName", given,
            "familyNameKana", familyKana, "givenNameKana", givenKana, "postalCode", "1000001", "prefecture", "東京都", "city", "千代田区",
            "addressLine1", "千代田1-1"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
