package org.tomoni.platform.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every write route (POST, PUT, PATCH under /api/v1) the Router knows, so a new route is
 * fuzzed without a change here. Each route gets a valid body built from its declared body type
 * (or a known-good one where a route needs real ids), then a seeded corpus of mutations per field
 * — NUL, lone surrogates, huge strings, wrong types, floats and flags for integers, out-of-range
 * dates, empty strings, nulls, deep nesting — and whole-body mutations (invalid UTF-8, truncated
 * or non-JSON bodies). Every answer must be below 500, and a rejected request (4xx) must leave the
 * tenant's tables exactly as they were (a checksum read through the owner's connection).
 */
@MicronautTest(transactional = false)
class WriteRouteFuzzIT extends PlatformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261203L;
    @Inject
    Router router;
    TestTenant t;
    String operator;
    Map<String, String> ids = new LinkedHashMap<>();
    List<String> tenantTables;

    @BeforeAll
    void createTenant() throws SQLException {
        t = tenants().create("fuzz");
        context.getBean(PlatformAccounts.class).create("fuzz-op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        operator = api().login(null, "fuzz-op", TestTenants.PASSWORD);
        String person = created(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "山田", "givenName", "花子",
            "familyNameKana", "ヤマダ", "givenNameKana", "ハナコ")));
        String other = created(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "佐藤", "givenName", "一",
            "familyNameKana", "サトウ", "givenNameKana", "イチ")));
        String org = created(api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "団体", "nameKana", "ダンタイ", "kind", "npo")));
        String type = created(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "正会員", "feeYen", 300,
            "period", "monthly", "perUnit", true, "memberKind", "person")));
        String plan = created(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "プラン", "unitAmount", 300, "interval", "monthly")));
        ids.put("personId", person);
        ids.put("relatedPersonId", other);
        ids.put("organizationId", org);
        ids.put("typeId", type);
        ids.put("planId", plan);
        ids.put("/api/v1/people/", person);
        ids.put("/api/v1/organizations/", org);
        ids.put("/api/v1/membership-types/", type);
        ids.put("/api/v1/gift-plans/", plan);
        ids.put("/api/v1/branches/", created(api().post("/api/v1/branches", t.adminToken(), Map.of("name", "支部"))));
        ids.put("/api/v1/memberships/", created(api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person, "typeId", type,
            "units", 1))));
        ids.put("/api/v1/relationships/", created(api().post("/api/v1/relationships", t.adminToken(), Map.of("personId", person,
            "relatedPersonId", other, "kind", "parent"))));
        ids.put("/api/v1/affiliations/", created(api().post("/api/v1/affiliations", t.adminToken(), Map.of("personId", person,
            "organizationId", org, "role", "代表"))));
        ids.put("/api/v1/donations/", created(api().post("/api/v1/donations", t.adminToken(), Map.of("personId", person, "amount", 1000,
            "receivedOn", "2026-11-01", "method", "cash"))));
        ids.put("/api/v1/users/", api().post("/api/v1/users", t.adminToken(), Map.of("username", "fuzz-user", "role", "staff"))
            .json().get("user").get("id").asText());
        assertThat(api().post("/api/v1/tenant-kinds", operator, kindBody("fuzz_target")).status()).isEqualTo(201);
        try (Connection c = ownerConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select c.table_name from information_schema.columns c join information_schema.tables t
                  on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
                where c.table_schema = 'tomoni' and c.column_name = 'tenant_id'
                  and c.table_name not like '%audit%' and c.table_name not like '%idempotency%' order by 1""")) {
            tenantTables = new ArrayList<>();
            while (rs.next()) {
                tenantTables.add(rs.getString(1));
            }
        }
        assertThat(tenantTables).contains("people", "organizations", "gift_plans");
    }

    private int counter;

    private static Map<String, Object> kindBody(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (code != null) {
            body.put("code", code);
        }
        body.put("nameJa", "種類");
        body.put("nameEn", "Kind");
        body.put("modules", List.of("members", "giving"));
        body.put("fiscalYearStartMonth", 4);
        body.put("vocabulary", Map.of("member", "会員"));
        body.put("templates", Map.of("branches", List.of(Map.of("name", "本部")), "giftPlans", List.of(Map.of("name", "毎月",
            "unitAmount", 300, "interval", "monthly"))));
        return body;
    }

    /** The operator's routes are fuzzed with the operator's token; every other with the tenant admin's. */
    private String tokenFor(Call call) {
        return call.template().startsWith("/api/v1/tenants") || call.template().startsWith("/api/v1/tenant-kinds") ? operator : t.adminToken();
    }

    /**
     * Known-good bodies for the routes whose type-derived sample would be refused anyway (real ids, unique
     * names, choices): a mutation of one field then meets an otherwise valid request, so it reaches the
     * database if nothing stops it. Built fresh for each request, so unique names stay unique.
     */
    private Map<String, Object> validBody(Call call) {
        String n = Integer.toString(++counter);
        Map<String, Object> person = Map.of("familyName", "山田" + n, "givenName", "花子", "familyNameKana", "ヤマダ",
            "givenNameKana", "ハナコ", "city", "新宿区", "addressLine1", "新宿1－2－3", "notes", "メモ");
        Map<String, Object> body = switch (call.method() + " " + call.template()) {
            case "POST /api/v1/people", "PUT /api/v1/people/{id}" -> person;
            case "POST /api/v1/organizations", "PUT /api/v1/organizations/{id}" -> Map.of("name", "団体" + n, "nameKana", "ダンタイ",
                "kind", "npo", "notes", "メモ");
            case "POST /api/v1/branches", "PUT /api/v1/branches/{id}" -> Map.of("name", "支部" + n, "nameKana", "シブ", "notes", "メモ");
            case "POST /api/v1/membership-types", "PUT /api/v1/membership-types/{id}" -> Map.of("name", "種別" + n, "feeYen", 300,
                "period", "monthly", "perUnit", true, "memberKind", "person", "description", "説明");
            case "POST /api/v1/gift-plans", "PUT /api/v1/gift-plans/{id}" -> Map.of("name", "プラン" + n, "unitAmount", 300, "interval", "monthly", "purpose", "活動");
            case "POST /api/v1/memberships" -> Map.of("personId", ids.get("personId"), "typeId", ids.get("typeId"), "units", 1,
                "startsOn", "2026-11-01");
            case "PUT /api/v1/memberships/{id}" -> Map.of("units", 2, "startsOn", "2026-11-01");
            case "POST /api/v1/memberships/{id}/end" -> Map.of("endsOn", "2026-12-31");
            case "POST /api/v1/relationships", "PUT /api/v1/relationships/{id}" -> Map.of("personId", ids.get("personId"),
                "relatedPersonId", ids.get("relatedPersonId"), "kind", "parent", "startsOn", "2020-01-01", "notes", "メモ");
            case "POST /api/v1/affiliations", "PUT /api/v1/affiliations/{id}" -> Map.of("personId", ids.get("personId"),
                "organizationId", ids.get("organizationId"), "role", "代表", "startsOn", "2020-01-01", "notes", "メモ");
            case "POST /api/v1/donations" -> Map.of("personId", ids.get("personId"), "amount", 1000, "receivedOn", "2026-11-01",
                "method", "cash", "purpose", "活動", "note", "メモ");
            case "POST /api/v1/recurring-gifts" -> Map.of("personId", ids.get("personId"), "planId", ids.get("planId"), "units", 1,
                "paymentMethod", "direct_debit", "startMonth", "2027-01");
            case "POST /api/v1/users" -> Map.of("username", "fuzz-" + n, "displayName", "利用者", "role", "staff");
            case "PUT /api/v1/users/{id}/role" -> Map.of("role", "read_only");
            case "PUT /api/v1/giving/settings" -> Map.of("organizationAddress", "東京都新宿区", "certificationNumber", "第1号",
                "certificationDate", "2024-04-01", "debitDay", 27, "runDay", 5, "staffEmail", "staff@example.jp");
            case "POST /api/v1/tenant-kinds" -> kindBody("fuzz_" + n);
            case "PUT /api/v1/tenant-kinds/{code}" -> kindBody(null);
            case "POST /api/v1/tenants" -> Map.of("slug", "fuzz-t" + n, "nameJa", "団体" + n, "nameEn", "Org " + n,
                "kind", "membership_organization", "admin", Map.of("username", "admin", "displayName", "事務局長"));
            case "POST /api/v1/public/{tenantSlug}/recurring-gifts" -> Map.of("planId", ids.get("planId"), "units", 1,
                "donor", Map.of("familyName", "寄付" + n, "givenName", "者", "familyNameKana", "キフ", "givenNameKana", "シャ",
                    "email", "donor" + n + "@example.jp", "postalCode", "1000001", "prefecture", "東京都", "city", "千代田区",
                    "addressLine1", "千代田1-1"),
                "payment", Map.of("method", "direct_debit", "bankCode", "0005", "branchCode", "001", "accountType", 1,
                    "accountNumber", "1234567", "accountHolderKana", "キフ シャ"));
            default -> null;
        };
        if (body != null) {
            return body;
        }
        Object sample = call.bodyType() == null ? null : sample("", call.bodyType(), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = sample instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        return map;
    }

    /** The current version of the record a PUT changes, so an otherwise valid PUT is not refused as stale. */
    private String ifMatch(Call call) {
        if (!"PUT".equals(call.method())) {
            return "\"0\"";
        }
        String read = call.template().equals("/api/v1/giving/settings") ? call.path()
            : call.path().replaceAll("/role$", "");
        ApiResponse r = api().get(read, tokenFor(call));
        if (r.status() == 200 && r.json().has("version")) {
            return "\"" + r.json().get("version").asLong() + "\"";
        }
        return "\"0\"";
    }

    private static String created(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r.json().get("id").asText();
    }

    /** One digest of every row of the tenant in every tenant table, and of the tenant registry. */
    private String checksum() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < tenantTables.size(); i++) {
            String table = tenantTables.get(i);
            // The mail sender's own loop updates a queued mail's delivery columns at any moment, so
            // for the outbox only what a request writes (the mail itself) counts.
            String row = table.equals("outbox") ? "(x.id, x.kind, x.recipient, x.subject, x.body)::text" : "x::text";
            sql.append(i == 0 ? "" : " || ").append("coalesce((select md5(string_agg(").append(row).append(", '|' order by ")
                .append(row).append(")) from tomoni.").append(table).append(" x where x.tenant_id = '").append(t.id()).append("'), '-')");
        }
        sql.append(" || (select count(*)::text from tomoni.tenants)");
        sql.append(" || (select md5(string_agg(k::text, '|' order by k.code)) from tomoni.tenant_kinds k)");
        try (Connection c = ownerConnection(t.id()); ResultSet rs = c.createStatement().executeQuery(sql.toString())) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Call(String method, String template, String path, Type bodyType) {
    }

    private List<Call> writeRoutes() {
        List<Call> calls = new ArrayList<>();
        router.uriRoutes().distinct()
            .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/v1/"))
            .filter(r -> List.of("POST", "PUT", "PATCH").contains(r.getHttpMethodName()))
            .forEach(r -> {
                String template = r.getUriMatchTemplate().toPathString();
                Type body = r.getBodyArgument().map(Argument::asType).orElse(null);
                calls.add(new Call(r.getHttpMethodName(), template, path(template), body));
            });
        return calls;
    }

    private String path(String template) {
        String path = template;
        if (path.contains("{id}")) {
            String prefix = path.substring(0, path.indexOf("{id}"));
            path = path.replace("{id}", ids.getOrDefault(prefix, "01900000-0000-7000-8000-000000000000"));
        }
        return path.replace("{tenantSlug}", t.slug()).replace("{code}", "fuzz_target").replace("{action}", "pause").replace("{token}", "not-a-token")
            .replaceAll("\\{[^}]+}", "x");
    }

    /** A plausible valid value for each declared type; ids of records made above where a field names one. */
    private Object sample(String name, Type type, int depth) {
        Class<?> raw = type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (raw == String.class) {
            if (ids.containsKey(name)) {
                return ids.get(name);
            }
            if (TextRules.isDateField(name)) {
                return "2026-11-01";
            }
            if (TextRules.isMonthField(name) || name.equals("period")) {
                return "2027-01";
            }
            return "テスト";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return TextRules.isYearField(name) ? 2026 : 1;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (raw.isRecord() && depth < 4) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                m.put(c.getName(), sample(c.getName(), c.getGenericType(), depth + 1));
            }
            return m;
        }
        return null;
    }

    private static final List<Function<Object, Object>> FIELD_MUTATIONS = List.of(
        v -> "a\u0000b",
        v -> "x\ud800y",
        v -> "\udc00",
        v -> "あ".repeat(300_000),
        v -> "x".repeat(TextRules.NOTE + 1),
        v -> 12,
        v -> 1.5,
        v -> true,
        v -> "true",
        v -> -1,
        v -> 99999999999999L,
        v -> "",
        v -> " ",
        v -> null,
        v -> "+10000-01-01",
        v -> "0001-01-01",
        v -> "9999-12-31",
        v -> "2026-02-30",
        v -> nested(200),
        v -> Map.of("a", "b"),
        v -> List.of(1, 2),
        v -> "\u202e\u200b\ufeff",
        v -> "𠮷〜−～",
        v -> "'; drop table people; --");

    private static Object nested(int depth) {
        Object o = List.of();
        for (int i = 0; i < depth; i++) {
            o = List.of(o);
        }
        return o;
    }

    private static final List<byte[]> BODY_MUTATIONS = List.of(
        new byte[0],
        "null".getBytes(StandardCharsets.UTF_8),
        "[]".getBytes(StandardCharsets.UTF_8),
        "{".getBytes(StandardCharsets.UTF_8),
        "\"text\"".getBytes(StandardCharsets.UTF_8),
        "not json".getBytes(StandardCharsets.UTF_8),
        new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
        new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
        new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
        ("{" + "\"a\":{".repeat(300) + "}".repeat(301)).getBytes(StandardCharsets.UTF_8));

    @Test
    void no_write_route_answers_5xx_to_mutated_input_and_a_rejected_request_changes_nothing() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        List<String> fuzzed = new ArrayList<>();
        Map<String, Integer> validAnswers = new LinkedHashMap<>();
        int requests = 0;
        String current = checksum();
        for (Call call : writeRoutes()) {
            String token = tokenFor(call);
            List<java.util.function.Supplier<byte[]>> bodies = new ArrayList<>();
            BODY_MUTATIONS.forEach(b -> bodies.add(() -> b));
            Map<String, Object> shape = validBody(call);
            if (shape != null) {
                bodies.add(() -> json(validBody(call)));
                for (String key : shape.keySet()) {
                    List<Function<Object, Object>> picks = new ArrayList<>(FIELD_MUTATIONS);
                    java.util.Collections.shuffle(picks, random);
                    for (Function<Object, Object> m : picks.subList(0, 8)) {
                        bodies.add(() -> {
                            Map<String, Object> copy = new LinkedHashMap<>(validBody(call));
                            copy.put(key, m.apply(copy.get(key)));
                            return json(copy);
                        });
                    }
                    if (shape.get(key) instanceof Map<?, ?> nested) {
                        for (Object inner : nested.keySet()) {
                            for (Function<Object, Object> m : picks.subList(0, 4)) {
                                bodies.add(() -> {
                                    Map<String, Object> copy = new LinkedHashMap<>(validBody(call));
                                    Map<Object, Object> child = new LinkedHashMap<>((Map<?, ?>) copy.get(key));
                                    child.put(inner, m.apply(child.get(inner)));
                                    copy.put(key, child);
                                    return json(copy);
                                });
                            }
                        }
                    }
                }
                bodies.add(() -> {
                    Map<String, Object> extra = new LinkedHashMap<>(validBody(call));
                    extra.put("unknown\u0000field", "x");
                    return json(extra);
                });
            }
            for (int i = 0; i < bodies.size(); i++) {
                byte[] body = bodies.get(i).get();
                Api.Bytes r = raw(call.method(), call.path(), token, body, ifMatch(call));
                requests++;
                if (shape != null && i == BODY_MUTATIONS.size()) {
                    validAnswers.put(call.method() + " " + call.template(), r.status());
                }
                String answer = new String(r.body(), StandardCharsets.UTF_8);
                String what = call.method() + " " + call.template() + " " + preview(body) + " → " + r.status() + " "
                    + answer.substring(0, Math.min(200, answer.length()));
                if (r.status() >= 500) {
                    failures.add(what);
                }
                String after = checksum();
                if (r.status() >= 400 && r.status() < 500 && !after.equals(current)) {
                    failures.add("changed the database on a rejection: " + what);
                }
                current = after;
            }
            fuzzed.add(call.method() + " " + call.template());
        }
        System.out.printf("fuzzed %d write routes with %d requests%n", fuzzed.size(), requests);
        assertThat(failures).as("5xx answers or writes on rejected requests").isEmpty();
        // The unmutated bodies are accepted, so each mutation meets an otherwise valid request.
        for (String route : List.of("POST /api/v1/people", "PUT /api/v1/people/{id}", "POST /api/v1/organizations",
            "POST /api/v1/branches", "POST /api/v1/membership-types", "POST /api/v1/gift-plans", "PUT /api/v1/gift-plans/{id}", "POST /api/v1/affiliations", "POST /api/v1/donations", "POST /api/v1/recurring-gifts", "POST /api/v1/users",
            "PUT /api/v1/giving/settings", "POST /api/v1/tenants", "POST /api/v1/tenant-kinds", "PUT /api/v1/tenant-kinds/{code}")) {
            assertThat(validAnswers.get(route)).as("the valid body of " + route).isBetween(200, 299);
        }
        assertThat(fuzzed).contains("POST /api/v1/people", "PUT /api/v1/people/{id}", "POST /api/v1/gift-plans",
            "POST /api/v1/memberships", "PUT /api/v1/giving/settings", "POST /api/v1/public/{tenantSlug}/recurring-gifts",
            "POST /api/v1/people/import", "POST /api/v1/direct-debit/batches/{id}/result", "POST /api/v1/tenants",
            "POST /api/v1/tenant-kinds", "PUT /api/v1/tenant-kinds/{code}");
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 120 ? s.substring(0, 120) + "…(" + body.length + " bytes)" : s;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Bytes raw(String method, String path, String token, byte[] body, String ifMatch) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .header("If-Match", ifMatch).header("Idempotency-Key", "fuzz-" + System.nanoTime())
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        var r = CLIENT.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new Api.Bytes(r.statusCode(), r.headers(), r.body());
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
}
