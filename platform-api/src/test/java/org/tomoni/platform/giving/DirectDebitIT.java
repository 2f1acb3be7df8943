package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestMail;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** From sign-up to a reconciled bank result: batch, Zengin request file, mixed result codes, donations, retry policy, receipts. */
@MicronautTest(transactional = false)
class DirectDebitIT extends PlatformTest {
    private static final Charset JIS = Charset.forName("windows-31j");
    TestMail mail;
    TestTenant t;
    String supporter;

    /**
     * The bank's result is read on or after the debit date, never before: the batch's debit date (weeks ahead, as a run
     * for next month makes it) is put on {@code day} in Tokyo, as if that day had come.
     */
    private void debitDateIs(TestTenant tenant, String batchId, LocalDate day) throws Exception {
        try (var c = ownerConnection(tenant.id()); var s = c.prepareStatement("update debit_batches set debit_date = ? where id = ?")) {
            s.setObject(1, day);
            s.setObject(2, UUID.fromString(batchId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static LocalDate todayInTokyo() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    }

    @Override
    protected Map<String, String> extraProperties() {
        mail = new TestMail();
        // Every sign-up of this class comes from the test's one address; throttling is PublicFormLimitsIT's subject.
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("platform.public-forms.limit-per-address", "1000/10");
        return properties;
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @BeforeAll
    void setUp() {
        t = tenants().create("inclu-debit", "grant_fund");
        supporter = configure(t);
    }

    /** A giving tenant ready for direct debit; returns its monthly plan. */
    private String configure(TestTenant tenant) {
        String plan = api().post("/api/v1/gift-plans", tenant.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly"))
            .json().get("id").asText();
        Map<String, Object> s = new HashMap<>();
        s.put("organizationAddress", "東京都千代田区千代田1-1");
        s.put("certificationNumber", "認定第123号");
        s.put("certificationDate", "2020-04-01");
        s.put("consignorCode", "1234567890");
        s.put("consignorKana", "ﾄﾓﾆｷｷﾝ");
        s.put("bankCode", "0009");
        s.put("branchCode", "100");
        s.put("accountType", 1);
        s.put("accountNumber", "7654321");
        s.put("debitDay", 27);
        s.put("staffEmail", "office@" + tenant.slug() + ".test");
        ApiResponse saved = api().put("/api/v1/giving/settings", tenant.adminToken(), s, Map.of("If-Match", "\"0\""));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return plan;
    }

    @Test
    void a_run_batches_direct_debits_the_file_is_zengin_and_a_mixed_result_reconciles_once() throws Exception {
        String ok = signUp("ichiro@example.jp", "ｲﾁﾛｳ", 2);
        String poor = signUp("jiro@example.jp", "ｼﾞﾛｳ", 1);
        String gone = signUp("saburo@example.jp", "ｻﾌﾞﾛｳ", 3);
        String month = YearMonthNext.next();

        JsonNode run = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", month)).json();
        assertThat(run.get("batches")).hasSize(1);
        JsonNode batch = run.get("batches").get(0);
        assertThat(batch.get("count").asInt()).isEqualTo(3);
        assertThat(batch.get("total").asLong()).isEqualTo(600 + 300 + 900);
        String batchId = batch.get("id").asText();
        assertThat(BankCalendar.isBusinessDay(java.time.LocalDate.parse(batch.get("debitDate").asText()))).isTrue();

        Api.Bytes file = api().bytes("/api/v1/direct-debit/batches/" + batchId + "/file", t.adminToken());
        assertThat(file.status()).isEqualTo(200);
        List<String> records = records(file.body());
        assertThat(records).as(file.status() + " " + file.body().length + " " + file.headers().map()).hasSize(6);
        assertThat(records.get(0)).startsWith("191").contains("1234567890").contains("ﾄﾓﾆｷｷﾝ");
        assertThat(records.subList(1, 4)).allSatisfy(r -> assertThat(r).startsWith("2"));
        assertThat(String.join("\n", records)).contains("1234567", "ｲﾁﾛｳ", "ｼﾞﾛｳ").doesNotContain("****");
        assertThat(records.get(4)).startsWith("8000003000000001800");
        assertThat(records.get(5)).startsWith("9");

        byte[] result = result(records, Map.of(1, '0', 2, '1', 3, '2'));
        debitDateIs(t, batchId, todayInTokyo());
        ApiResponse reconciled = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", t.adminToken(), result,
            "application/octet-stream");
        assertThat(reconciled.status()).as(reconciled.toString()).isEqualTo(200);
        JsonNode r = reconciled.json();
        assertThat(r.get("status").asText()).isEqualTo("reconciled");
        assertThat(r.get("debitedCount").asInt()).isEqualTo(1);
        assertThat(r.get("failedTotal").asLong()).isEqualTo(1200);
        List<String> lines = new ArrayList<>();
        r.get("byCode").forEach(l -> lines.add(l.get("code").asInt() + ":" + l.get("count").asInt() + ":" + l.get("total").asLong()
            + ":" + l.get("retry").asBoolean()));
        assertThat(lines).containsExactly("0:1:600:false", "1:1:300:true", "2:1:900:false");

        assertThat(status(ok)).isEqualTo("active");
        JsonNode poorGift = api().get("/api/v1/recurring-gifts/" + poor, t.adminToken()).json();
        assertThat(poorGift.get("status").asText()).isEqualTo("error");
        assertThat(poorGift.get("statusReason").asText()).contains("資金不足");
        JsonNode failure = poorGift.get("history").get(poorGift.get("history").size() - 1);
        assertThat(failure.get("kind").asText()).isEqualTo("debit_failed");
        assertThat(failure.get("after").get("status").asText()).isEqualTo("error");
        assertThat(failure.get("after").get("resultCode").asInt()).as("the bank's code, not its label").isEqualTo(1);
        assertThat(failure.get("after").get("retry").asBoolean()).as("資金不足 is charged again").isTrue();
        assertThat(status(gone)).isEqualTo("error");
        JsonNode donations = api().get("/api/v1/donations?kind=donation", t.adminToken()).json();
        assertThat(donations.get("total").asInt()).isEqualTo(1);
        assertThat(donations.get("items").get(0).get("amount").asLong()).isEqualTo(600);
        assertThat(mail.await("jiro@example.jp", 2)).extracting(TestMail.Received::subject).anyMatch(s -> s.contains("お引き落としができませんでした"));
        List<TestMail.Received> staff = mail.await("office@inclu-debit.test", 1);
        assertThat(staff).as("one digest per reconciliation, not one mail per failure").hasSize(1);
        assertThat(staff.get(0).subject()).contains("2 件");
        assertThat(staff.get(0).body()).contains("資金不足", "取引なし");

        ApiResponse again = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", t.adminToken(), result, "application/octet-stream");
        assertThat(again.status()).as("already reconciled").isEqualTo(409);
        assertThat(again.body()).contains("already_reconciled");
        assertThat(api().get("/api/v1/donations?kind=donation", t.adminToken()).json().get("total").asInt()).as("nothing twice").isEqualTo(1);

        String following = java.time.YearMonth.parse(month).plusMonths(1).toString();
        JsonNode next = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", following)).json();
        assertThat(next.get("created").asInt()).as("the donor short of funds is charged again, the closed account is not").isEqualTo(2);
        String nextBatch = next.get("batches").get(0).get("id").asText();
        List<String> nextRecords = records(api().bytes("/api/v1/direct-debit/batches/" + nextBatch + "/file", t.adminToken()).body());
        debitDateIs(t, nextBatch, todayInTokyo());
        assertThat(api().upload("/api/v1/direct-debit/batches/" + nextBatch + "/result", t.adminToken(), result(nextRecords, Map.of()),
            "application/octet-stream").status()).isEqualTo(200);
        assertThat(status(poor)).as("debited this time: active again").isEqualTo("active");
        assertThat(status(gone)).isEqualTo("error");
        List<String> kinds = new ArrayList<>();
        api().get("/api/v1/recurring-gifts/" + poor, t.adminToken()).json().get("history").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsSubsequence("debit_failed", "recovered");
    }

    @Test
    void two_concurrent_uploads_of_the_same_result_apply_once_and_the_second_is_told_the_batch_is_already_reconciled() throws Exception {
        TestTenant race = tenants().create("inclu-race", "grant_fund");
        String plan = configure(race);
        for (int i = 1; i <= 4; i++) {
            signUp(race, plan, "kyodai" + i + "@example.jp", "ｷｮｳﾀﾞｲ", 1);
        }
        String month = YearMonthNext.next();
        JsonNode batch = api().post("/api/v1/billing-runs", race.adminToken(), Map.of("period", month)).json().get("batches").get(0);
        String batchId = batch.get("id").asText();
        int count = batch.get("count").asInt();
        List<String> records = records(api().bytes("/api/v1/direct-debit/batches/" + batchId + "/file", race.adminToken()).body());
        Map<Integer, Character> codes = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            codes.put(i, i % 2 == 0 ? '1' : '0');
        }
        byte[] result = result(records, codes);
        debitDateIs(race, batchId, todayInTokyo());
        long failures = codes.values().stream().filter(c -> c != '0').count();
        long donationsBefore = api().get("/api/v1/donations?kind=donation", race.adminToken()).json().get("total").asLong();
        long eventsBefore = ownerCount(race, "select count(*) from recurring_gift_events where kind = 'debit_failed'");
        long mailsBefore = ownerCount(race, "select count(*) from outbox where kind in ('debit.failed', 'debit.failed_digest')");

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ApiResponse>> uploads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                uploads.add(pool.submit(() -> {
                    start.await();
                    return api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", race.adminToken(), result, "application/octet-stream");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var u : uploads) {
                ApiResponse r = u.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("batch");
                }
            }
            assertThat(statuses).as("one applies, the other is refused").containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get("/api/v1/donations?kind=donation", race.adminToken()).json().get("total").asLong())
            .isEqualTo(donationsBefore + count - failures);
        assertThat(ownerCount(race, "select count(*) from recurring_gift_events where kind = 'debit_failed'")).isEqualTo(eventsBefore + failures);
        assertThat(ownerCount(race, "select count(*) from outbox where kind in ('debit.failed', 'debit.failed_digest')"))
            .as("one mail per failed donor and one staff digest").isEqualTo(mailsBefore + failures + 1);
    }

    @Test
    void a_result_read_before_the_batchs_debit_date_is_refused_before_anything_is_staged_and_no_donation_is_dated_in_the_future()
        throws Exception {
        TestTenant early = tenants().create("inclu-early", "grant_fund");
        String plan = configure(early);
        signUp(early, plan, "hayai1@example.jp", "ﾊﾔｲ", 1);
        signUp(early, plan, "hayai2@example.jp", "ﾊﾔｲ", 2);
        JsonNode batch = api().post("/api/v1/billing-runs", early.adminToken(), Map.of("period", YearMonthNext.next())).json().get("batches").get(0);
        String batchId = batch.get("id").asText();
        List<String> records = records(api().bytes("/api/v1/direct-debit/batches/" + batchId + "/file", early.adminToken()).body());
        byte[] good = result(records, Map.of());

        // The batch's debit date is tomorrow in Tokyo: the bank has debited nothing yet.
        LocalDate tomorrow = todayInTokyo().plusDays(1);
        debitDateIs(early, batchId, tomorrow);
        ApiResponse tooEarly = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", early.adminToken(), good, "application/octet-stream");
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(400);
        JsonNode error = tooEarly.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("batch");
        assertThat(error.get("code").asText()).isEqualTo("debit_date_in_future");
        assertThat(error.get("message").asText()).as("names the debit date").contains("まだ来ていません",
            tomorrow.getYear() + "年" + tomorrow.getMonthValue() + "月" + tomorrow.getDayOfMonth() + "日");
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 200);
        ApiResponse cutEarly = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", early.adminToken(), cut, "application/octet-stream");
        assertThat(cutEarly.json().get("errors").get(0).get("code").asText()).as("refused before the file is even read")
            .isEqualTo("debit_date_in_future");
        assertThat(api().get("/api/v1/direct-debit/batches/" + batchId, early.adminToken()).json().get("status").asText()).isEqualTo("created");
        assertThat(api().get("/api/v1/donations", early.adminToken()).json().get("total").asInt()).isZero();
        assertThat(ownerCount(early, "select count(*) from charges where result_code is not null")).as("nothing staged or applied").isZero();

        // On the debit date the result is read, and the money is received on that date.
        LocalDate today = todayInTokyo();
        debitDateIs(early, batchId, today);
        ApiResponse onTime = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", early.adminToken(), good, "application/octet-stream");
        assertThat(onTime.status()).as(onTime.toString()).isEqualTo(200);
        JsonNode donations = api().get("/api/v1/donations", early.adminToken()).json();
        assertThat(donations.get("total").asInt()).isEqualTo(2);
        donations.get("items").forEach(d -> assertThat(LocalDate.parse(d.get("receivedOn").asText())).isEqualTo(today));
    }

    private long ownerCount(TestTenant tenant, String sql) throws Exception {
        try (var c = ownerConnection(tenant.id()); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_malformed_or_mismatched_result_is_refused_whole_naming_the_record_and_changes_nothing() throws Exception {
        signUp("shiro@example.jp", "ｼﾛｳ", 1);
        signUp("goro@example.jp", "ｺﾞﾛｳ", 1);
        String month = java.time.YearMonth.parse(YearMonthNext.next()).plusMonths(6).toString();
        JsonNode batch = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", month)).json().get("batches").get(0);
        String batchId = batch.get("id").asText();
        List<String> records = records(api().bytes("/api/v1/direct-debit/batches/" + batchId + "/file", t.adminToken()).body());
        debitDateIs(t, batchId, todayInTokyo());
        int donationsBefore = api().get("/api/v1/donations", t.adminToken()).json().get("total").asInt();

        byte[] good = result(records, Map.of(1, '0', 2, '0'));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 200);
        ApiResponse cut = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", t.adminToken(), truncated, "application/octet-stream");
        assertThat(cut.status()).isEqualTo(422);
        assertThat(cut.json().get("errors").get(0).get("row").asInt()).isPositive();

        List<String> changed = new ArrayList<>(records);
        String data = changed.get(2);
        changed.set(2, data.substring(0, 80) + "0000000999" + data.substring(90));
        ApiResponse mismatch = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", t.adminToken(),
            result(changed, Map.of(1, '0', 2, '0')), "application/octet-stream");
        assertThat(mismatch.status()).as(mismatch.toString()).isEqualTo(422);
        assertThat(mismatch.json().get("errors").get(0).get("field").asText()).isEqualTo("引落金額");
        assertThat(mismatch.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);

        assertThat(api().get("/api/v1/direct-debit/batches/" + batchId, t.adminToken()).json().get("status").asText()).isEqualTo("created");
        assertThat(api().get("/api/v1/donations", t.adminToken()).json().get("total").asInt()).isEqualTo(donationsBefore);

        // The bank's corrected file then goes through: nothing of the refused attempt was left staged.
        ApiResponse fixed = api().upload("/api/v1/direct-debit/batches/" + batchId + "/result", t.adminToken(), good, "application/octet-stream");
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.json().get("status").asText()).isEqualTo("reconciled");
        int debits = records.size() - 3;
        assertThat(fixed.json().get("debitedCount").asInt()).isEqualTo(debits);
        assertThat(api().get("/api/v1/donations", t.adminToken()).json().get("total").asInt()).isEqualTo(donationsBefore + debits);
    }

    @Test
    void receipts_are_pdfs_in_japanese_a_reissue_gets_a_new_number_and_fees_are_not_receipted() throws Exception {
        String person = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "佐藤", "givenName", "一郎", "familyNameKana", "サトウ",
            "givenNameKana", "イチロウ", "postalCode", "1000001", "prefecture", "東京都", "city", "千代田区", "addressLine1", "千代田1-1"))
            .json().get("id").asText();
        String cash = donation(person, 10_000, "2025-05-10", "donation");
        donation(person, 5_000, "2025-08-10", "donation");
        String fee = donation(person, 3_000, "2025-06-01", "fee");

        ApiResponse single = api().post("/api/v1/receipts", t.adminToken(), Map.of("donationId", cash));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);
        String number = single.json().get("receiptNumber").asText();
        Api.Bytes pdf = api().bytes("/api/v1/receipts/" + single.json().get("id").asText() + "/pdf", t.adminToken());
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = text(pdf.body());
        assertThat(text).contains("寄附金受領証明書", "佐藤 一郎", "10,000", number, "認定第123号");
        assertThat(api().post("/api/v1/receipts", t.adminToken(), Map.of("donationId", cash)).status()).as("once").isEqualTo(400);
        assertThat(api().post("/api/v1/receipts", t.adminToken(), Map.of("donationId", fee)).body()).contains("donationId");

        // The annual receipt is for a calendar year that has ended (GivingRulesIT): 2025's.
        JsonNode annual = api().post("/api/v1/receipts", t.adminToken(), Map.of("personId", person, "year", 2025)).json();
        assertThat(annual.get("total").asLong()).as("the year's donations not yet receipted; the fee is left out").isEqualTo(5_000);

        ApiResponse reissued = api().post("/api/v1/receipts/" + single.json().get("id").asText() + "/reissue", t.adminToken(), Map.of());
        assertThat(reissued.status()).isEqualTo(201);
        assertThat(reissued.json().get("receiptNumber").asText()).isNotEqualTo(number);
        assertThat(text(api().bytes("/api/v1/receipts/" + reissued.json().get("id").asText() + "/pdf", t.adminToken()).body()))
            .contains("再発行", number);
        assertThat(api().get("/api/v1/receipts/" + single.json().get("id").asText(), t.adminToken()).json().get("status").asText()).isEqualTo("void");
        assertThat(api().post("/api/v1/receipts/" + single.json().get("id").asText() + "/reissue", t.adminToken(), Map.of()).status()).isEqualTo(400);
        assertThat(pdf.body()).as("an issued receipt's PDF never changes").isEqualTo(
            api().bytes("/api/v1/receipts/" + single.json().get("id").asText() + "/pdf", t.adminToken()).body());

        Api.Bytes list = api().bytes("/api/v1/donor-list?fiscalYear=2025", t.adminToken());
        String csv = new String(list.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("氏名", "佐藤 一郎", "15000", "1000001", "東京都千代田区千代田1-1");
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("update receipts set total = 1"))
                .hasMessageContaining("cannot be changed");
        }
    }

    @Test
    void membership_dues_are_billed_by_the_same_run_as_fees() {
        String type = api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "月会費", "feeYen", 1000, "period", "monthly",
            "perUnit", false, "memberKind", "person")).json().get("id").asText();
        String person = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "会員", "givenName", "花子", "familyNameKana", "カイイン",
            "givenNameKana", "ハナコ")).json().get("id").asText();
        ApiResponse m = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person, "typeId", type, "units", 1,
            "startsOn", "2026-01-01"));
        assertThat(m.status()).as(m.toString()).isEqualTo(201);
        JsonNode run = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", "2030-01")).json();
        assertThat(run.get("feesCreated").asInt()).isEqualTo(1);
        assertThat(api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", "2030-01")).json().get("feesCreated").asInt()).isZero();
    }

    private String donation(String person, long amount, String on, String kind) {
        ApiResponse r = api().post("/api/v1/donations", t.adminToken(), Map.of("personId", person, "amount", amount, "receivedOn", on,
            "method", "bank_transfer", "kind", kind));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private String status(String gift) {
        return api().get("/api/v1/recurring-gifts/" + gift, t.adminToken()).json().get("status").asText();
    }

    private String signUp(String email, String holder, int units) {
        return signUp(t, supporter, email, holder, units);
    }

    private String signUp(TestTenant tenant, String plan, String email, String holder, int units) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("units", units);
        body.put("donor", Map.of("familyName", "寄付", "givenName", "太郎", "familyNameKana", "キフ", "givenNameKana", "タロウ", "email", email));
        body.put("payment", Map.of("method", "direct_debit", "bankCode", "0005", "branchCode", "001", "accountType", 1,
            "accountNumber", "1234567", "accountHolderKana", holder));
        ApiResponse r = api().send("POST", "/api/v1/public/" + tenant.slug() + "/recurring-gifts", null, body,
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static List<String> records(byte[] file) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 120 <= file.length; i += 122) {
            out.add(new String(file, i, 120, JIS));
            assertThat(file[i + 120]).isEqualTo((byte) '\r');
        }
        return out;
    }

    /** The bank's answer: the request's records with result codes (by data record, 1-based) and a trailer that adds up. */
    private static byte[] result(List<String> request, Map<Integer, Character> codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        long total = 0;
        int debited = 0;
        long debitedTotal = 0;
        List<String> lines = new ArrayList<>();
        lines.add(request.get(0));
        for (int i = 1; i < request.size() - 2; i++) {
            String r = request.get(i);
            char code = codes.getOrDefault(i, '0');
            long amount = Long.parseLong(r.substring(80, 90));
            count++;
            total += amount;
            if (code == '0') {
                debited++;
                debitedTotal += amount;
            }
            lines.add(r.substring(0, 111) + code + r.substring(112));
        }
        lines.add(ZenginDebitFile.trailer(count, total, debited, debitedTotal, count - debited, total - debitedTotal));
        lines.add(request.get(request.size() - 1));
        for (String l : lines) {
            out.writeBytes(l.getBytes(JIS));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    /** The month sign-ups start in: next month in Tokyo. */
    private static final class YearMonthNext {
        static String next() {
            return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Tokyo")).plusMonths(1).toString();
        }
    }
}
