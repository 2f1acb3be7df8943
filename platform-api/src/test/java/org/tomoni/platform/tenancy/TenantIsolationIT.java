package org.tomoni.platform.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every registered route that takes a record id and calls it as tenant A's admin with an
 * id of tenant B: each must answer 404, exactly as for an id that does not exist, and change
 * nothing. A new route without a fixture here fails the test until one is added.
 */
@MicronautTest(transactional = false)
class TenantIsolationIT extends PlatformTest {
    @Inject
    Router router;
    TestTenant a;
    TestTenant b;

    /** How to make a record of tenant B for a route family, and a body valid for its writes. */
    record Fixture(Supplier<String> createInB, Map<String, Object> validBody) {
    }

    private Map<String, Fixture> fixtures() {
        Map<String, Object> person = Map.of("familyName", "別", "givenName", "組織", "familyNameKana", "ベツ", "givenNameKana", "ソシキ");
        Map<String, Object> org = Map.of("name", "別の団体", "nameKana", "ベツノダンタイ", "kind", "npo");
        Map<String, Fixture> f = new java.util.HashMap<>();
        f.put("/api/v1/people/", new Fixture(() -> personInB(), person));
        f.put("/api/v1/users/", new Fixture(() -> api().post("/api/v1/users", b.adminToken(), Map.of("username", "b-user-" + System.nanoTime(),
            "role", "staff")).json().get("user").get("id").asText(), Map.of("role", "read_only", "password", "long-enough-password")));
        f.put("/api/v1/organizations/", new Fixture(() -> orgInB(), org));
        f.put("/api/v1/branches/", new Fixture(() -> idOf(api().post("/api/v1/branches", b.adminToken(),
            Map.of("name", "支部" + System.nanoTime()))), Map.of("name", "別支部")));
        f.put("/api/v1/membership-types/", new Fixture(() -> typeInB(), Map.of("name", "別種別", "feeYen", 100, "period", "monthly",
            "perUnit", true, "memberKind", "person")));
        f.put("/api/v1/relationships/", new Fixture(() -> idOf(api().post("/api/v1/relationships", b.adminToken(), Map.of(
            "personId", personInB(), "relatedPersonId", personInB(), "kind", "parent"))), Map.of("kind", "guardian")));
        f.put("/api/v1/affiliations/", new Fixture(() -> idOf(api().post("/api/v1/affiliations", b.adminToken(), Map.of(
            "personId", personInB(), "organizationId", orgInB(), "role", "代表"))), Map.of("role", "会員")));
        f.put("/api/v1/memberships/", new Fixture(() -> idOf(api().post("/api/v1/memberships", b.adminToken(), Map.of(
            "personId", personInB(), "typeId", typeInB(), "units", 1))), Map.of("units", 2)));
        f.put("/api/v1/gift-plans/", new Fixture(() -> planInB(), Map.of()));
        f.put("/api/v1/recurring-gifts/", new Fixture(() -> idOf(api().post("/api/v1/recurring-gifts", b.adminToken(), Map.of(
            "personId", personInB(), "planId", planInB(), "units", 2, "paymentMethod", "direct_debit", "startMonth", "2027-01"))), Map.of()));
        f.put("/api/v1/billing-runs/", new Fixture(() -> {
            ApiResponse run = api().post("/api/v1/billing-runs", b.adminToken(), Map.of("period", "2027-0" + (1 + (int) (System.nanoTime() % 9))));
            assertThat(run.status()).as(run.toString()).isIn(200, 201);
            return run.json().get("id").asText();
        }, Map.of()));
        f.put("/api/v1/donations/", new Fixture(() -> donationInB(), Map.of()));
        f.put("/api/v1/receipts/", new Fixture(() -> idOf(api().post("/api/v1/receipts", b.adminToken(), Map.of("donationId", donationInB()))),
            Map.of()));
        f.put("/api/v1/direct-debit/batches/", new Fixture(() -> batchInB(), Map.of()));
        f.put("/api/v1/charges/", new Fixture(() -> api().get("/api/v1/charges?batchId=" + batchInB(), b.adminToken()).json().get("items").get(0)
            .get("id").asText(), Map.of("receivedOn", "2026-11-01")));
        return f;
    }

    private String donationInB() {
        return idOf(api().post("/api/v1/donations", b.adminToken(), Map.of("personId", personInB(), "amount", 1000, "receivedOn", "2026-11-01",
            "method", "cash")));
    }

    /** A batch needs a gift with a bank account; the account is set as the owner, as a public sign-up would have. */
    private String batchInB() {
        String gift = idOf(api().post("/api/v1/recurring-gifts", b.adminToken(), Map.of("personId", personInB(), "planId", planInB(),
            "units", 1, "paymentMethod", "direct_debit", "startMonth", "2027-01")));
        try (var c = ownerConnection(b.id()); var st = c.createStatement()) {
            st.execute("update recurring_gifts set bank_code = '0005', branch_code = '001', account_type = 1, account_number_enc = 'v1:x',"
                + " account_number_mask = '****567', account_holder_kana = 'ﾍﾞﾂ' where id = '" + gift + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String period = (2031 + (int) (System.nanoTime() % 60)) + "-0" + (1 + (int) (System.nanoTime() % 9));
        ApiResponse run = api().post("/api/v1/billing-runs", b.adminToken(), Map.of("period", period));
        assertThat(run.json().get("batches")).as(run.toString()).isNotEmpty();
        return run.json().get("batches").get(0).get("id").asText();
    }

    private String planInB() {
        return idOf(api().post("/api/v1/gift-plans", b.adminToken(), Map.of("name", "プラン" + System.nanoTime(), "unitAmount", 300,
            "interval", "monthly")));
    }

    private String personInB() {
        return idOf(api().post("/api/v1/people", b.adminToken(), Map.of("familyName", "別", "givenName", "人" + System.nanoTime(),
            "familyNameKana", "ベツ", "givenNameKana", "ヒト")));
    }

    private String orgInB() {
        return idOf(api().post("/api/v1/organizations", b.adminToken(), Map.of("name", "団体" + System.nanoTime(), "nameKana", "ダンタイ",
            "kind", "npo")));
    }

    private String typeInB() {
        return idOf(api().post("/api/v1/membership-types", b.adminToken(), Map.of("name", "種別" + System.nanoTime(), "feeYen", 300,
            "period", "monthly", "perUnit", true, "memberKind", "person")));
    }

    private static String idOf(ApiResponse created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @BeforeAll
    void createTenants() {
        a = tenants().create("iso-a");
        b = tenants().create("iso-b");
    }

    @Test
    void every_route_with_an_id_answers_not_found_for_another_tenants_record_and_changes_nothing() {
        List<String> checked = new ArrayList<>();
        List<String> unfixtured = new ArrayList<>();
        router.uriRoutes().distinct()
            .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/v1/") && r.getUriMatchTemplate().toPathString().contains("{id}"))
            .filter(r -> !"HEAD".equals(r.getHttpMethodName()))
            .forEach(route -> {
                String template = route.getUriMatchTemplate().toPathString();
                String prefix = template.substring(0, template.indexOf("{id}"));
                if (prefix.equals("/api/v1/tenants/")) {
                    // The operator's routes over whole tenants: a tenant's own admin is refused outright, and nothing changes.
                    var settingsBefore = context.getBean(TenantRegistry.class).findById(b.id()).orElseThrow().settings();
                    ApiResponse asA = api().send(route.getHttpMethodName(), template.replace("{id}", b.id().toString()), a.adminToken(),
                        Map.of("enabledModules", java.util.List.of("members")), Map.of());
                    assertThat(asA.status()).as("%s %s as a tenant admin", route.getHttpMethodName(), template).isEqualTo(403);
                    assertThat(context.getBean(TenantRegistry.class).findById(b.id()).orElseThrow().settings()).isEqualTo(settingsBefore);
                    checked.add(route.getHttpMethodName() + " " + template);
                    return;
                }
                Fixture fixture = fixtures().get(prefix);
                if (fixture == null) {
                    unfixtured.add(route.getHttpMethodName() + " " + template);
                    return;
                }
                String bId = fixture.createInB().get();
                String path = template.replace("{id}", bId).replaceAll("\\{[^}]+}", "pause");
                String before = api().get(prefix + bId, b.adminToken()).body();
                Object body = "GET".equals(route.getHttpMethodName()) || "DELETE".equals(route.getHttpMethodName()) ? null : fixture.validBody();
                ApiResponse asA = api().send(route.getHttpMethodName(), path, a.adminToken(), body, Map.of("If-Match", "\"0\""));
                assertThat(asA.status()).as("%s %s as another tenant: %s", route.getHttpMethodName(), template, asA).isEqualTo(404);
                ApiResponse missing = api().send(route.getHttpMethodName(), template.replace("{id}", "01900000-0000-7000-8000-000000000000")
                        .replaceAll("\\{[^}]+}", "pause"),
                    a.adminToken(), body, Map.of("If-Match", "\"0\""));
                assertThat(asA.body()).as("indistinguishable from a missing id").isEqualTo(missing.body());
                ApiResponse asB = api().get(prefix + bId, b.adminToken());
                assertThat(asB.status()).as("still there for B").isEqualTo(200);
                assertThat(asB.body()).as("unchanged for B").isEqualTo(before);
                checked.add(route.getHttpMethodName() + " " + template);
            });
        assertThat(unfixtured).as("routes with an id but no isolation fixture").isEmpty();
        assertThat(checked).contains("GET /api/v1/people/{id}", "PUT /api/v1/people/{id}", "DELETE /api/v1/people/{id}",
            "POST /api/v1/people/{id}/merge", "POST /api/v1/people/{id}/not-duplicate", "GET /api/v1/organizations/{id}", "DELETE /api/v1/branches/{id}",
            "PUT /api/v1/membership-types/{id}", "DELETE /api/v1/relationships/{id}", "PUT /api/v1/affiliations/{id}",
            "POST /api/v1/memberships/{id}/end", "GET /api/v1/memberships/{id}/dues", "GET /api/v1/gift-plans/{id}",
            "GET /api/v1/recurring-gifts/{id}", "POST /api/v1/recurring-gifts/{id}/{action}", "GET /api/v1/billing-runs/{id}",
            "GET /api/v1/users/{id}", "POST /api/v1/users/{id}/deactivate", "PUT /api/v1/users/{id}/role",
            "POST /api/v1/users/{id}/password-reset", "POST /api/v1/users/{id}/reactivate", "GET /api/v1/donations/{id}", "GET /api/v1/receipts/{id}/pdf",
            "POST /api/v1/receipts/{id}/reissue", "GET /api/v1/direct-debit/batches/{id}/file", "POST /api/v1/direct-debit/batches/{id}/result",
            "PUT /api/v1/tenants/{id}/modules", "PUT /api/v1/gift-plans/{id}", "POST /api/v1/people/{id}/restore",
            "PUT /api/v1/branches/{id}", "GET /api/v1/charges/{id}", "POST /api/v1/charges/{id}/transfer",
            "GET /api/v1/direct-debit/batches/{id}/debits", "POST /api/v1/donations/{id}/cancellation", "POST /api/v1/donations/{id}/correction");
    }

    @Test
    void every_api_route_declares_its_module_or_that_it_belongs_to_none() {
        List<String> undeclared = new ArrayList<>();
        List<String> both = new ArrayList<>();
        router.uriRoutes().distinct().filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/"))
            .forEach(r -> {
                boolean module = ModuleFilter.moduleOf(r.getAnnotationMetadata()).isPresent();
                boolean core = r.getAnnotationMetadata().hasAnnotation(CoreRoute.class);
                String name = r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString();
                if (!module && !core) {
                    undeclared.add(name);
                }
                if (module && core) {
                    both.add(name);
                }
            });
        assertThat(undeclared).as("API routes with neither @ModuleRoute nor @CoreRoute").isEmpty();
        assertThat(both).as("API routes declaring both").isEmpty();
    }

    /**
     * Route by route: with the route's module switched off in tenant B's settings, B's own admin
     * (or an anonymous visitor of B's public pages, or the holder of B's donor link) gets 404,
     * the very body of an unknown route, and nothing changes; switched back on, it answers again.
     */
    @Test
    void every_route_of_a_module_answers_not_found_while_the_tenant_has_the_module_switched_off() throws Exception {
        String unknownRoute = api().get("/api/v1/no-such-route", b.adminToken()).body();
        Map<String, Fixture> fixtures = fixtures();
        String giftInB = fixtures.get("/api/v1/recurring-gifts/").createInB().get();
        String donorToken = context.getBean(org.tomoni.platform.giving.DonorLinks.class).token(b.id(), java.util.UUID.fromString(giftInB));
        Map<Module, List<String>> checked = new java.util.EnumMap<>(Module.class);
        List<UriRouteInfoView> routes = router.uriRoutes().distinct()
            .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/v1/") && !"HEAD".equals(r.getHttpMethodName()))
            .map(r -> new UriRouteInfoView(r.getHttpMethodName(), r.getUriMatchTemplate().toPathString(),
                ModuleFilter.moduleOf(r.getAnnotationMetadata()).orElse(null),
                r.getConsumes().stream().map(Object::toString).filter(t -> !t.contains("json")).findFirst().orElse(null)))
            .filter(r -> r.module() != null).toList();
        for (UriRouteInfoView route : routes) {
            String template = route.template();
            boolean anonymous = template.startsWith("/api/v1/public/");
            String prefix = template.contains("{id}") ? template.substring(0, template.indexOf("{id}")) : null;
            Fixture fixture = prefix == null ? null : fixtures.get(prefix);
            String id = fixture == null ? "01900000-0000-7000-8000-000000000000" : fixture.createInB().get();
            String path = template.replace("{id}", id).replace("{tenantSlug}", b.slug()).replace("{token}", donorToken)
                .replaceAll("\\{[^}]+}", "pause");
            String before = fixture == null ? null : api().get(prefix + id, b.adminToken()).body();
            Object body = "GET".equals(route.method()) || "DELETE".equals(route.method()) ? null
                : fixture == null ? Map.of() : fixture.validBody();
            String token = anonymous ? null : b.adminToken();
            Map<String, String> headers = route.nonJsonType() == null || body == null ? Map.of("If-Match", "\"0\"")
                : Map.of("If-Match", "\"0\"", "Content-Type", route.nonJsonType());
            if (route.nonJsonType() != null) {
                body = null;
            }
            String saved = switchOff(route.module());
            ApiResponse off;
            ApiResponse offWithOtherTenantsToken = null;
            try {
                off = api().send(route.method(), path, token, body, headers);
                if (anonymous) {
                    // A's staff token must not make B's public route answer by A's modules.
                    offWithOtherTenantsToken = api().send(route.method(), path, a.adminToken(), body, headers);
                }
            } finally {
                restore(saved);
            }
            if (offWithOtherTenantsToken != null) {
                assertThat(offWithOtherTenantsToken.status()).as("%s %s with %s off, sent with another tenant's token: %s", route.method(),
                    template, route.module(), offWithOtherTenantsToken).isEqualTo(404);
            }
            assertThat(off.status()).as("%s %s with %s off: %s", route.method(), template, route.module(), off).isEqualTo(404);
            assertThat(off.body()).as("%s %s: indistinguishable from an unknown route", route.method(), template).isEqualTo(unknownRoute);
            if (before != null) {
                assertThat(api().get(prefix + id, b.adminToken()).body()).as("%s %s changed nothing", route.method(), template)
                    .isEqualTo(before);
            }
            if ("GET".equals(route.method()) && (fixture != null || !template.contains("{id}"))) {
                ApiResponse on = api().send("GET", path, token, null, Map.of());
                assertThat(on.status()).as("%s %s with %s on: %s", route.method(), template, route.module(), on).isNotEqualTo(404);
            }
            checked.computeIfAbsent(route.module(), m -> new ArrayList<>()).add(route.method() + " " + template);
        }
        assertThat(checked.keySet()).contains(Module.MEMBERS, Module.GIVING);
        assertThat(checked.get(Module.GIVING)).contains("POST /api/v1/billing-runs", "GET /api/v1/public/{tenantSlug}/gift-plans",
            "POST /api/v1/public/{tenantSlug}/recurring-gifts", "GET /api/v1/public/gifts/{token}", "GET /api/v1/giving/settings");
        assertThat(checked.get(Module.MEMBERS)).contains("GET /api/v1/people", "POST /api/v1/people", "GET /api/v1/people/{id}");
    }

    @Test
    void a_tenant_without_giving_cannot_start_a_billing_run() {
        TestTenant noGiving = tenants().create("iso-nogiving");
        String saved;
        try {
            saved = switchOff(Module.GIVING, noGiving.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(saved).contains("giving");
        ApiResponse run = api().post("/api/v1/billing-runs", noGiving.adminToken(), Map.of("period", "2027-01"));
        assertThat(run.status()).as(run.toString()).isEqualTo(404);
        assertThat(api().get("/api/v1/people", noGiving.adminToken()).status()).as("members still on").isEqualTo(200);
    }

    /** A route as the walker needs it. */
    record UriRouteInfoView(String method, String template, Module module, String nonJsonType) {
    }

    /** Switches the module off in tenant B's settings; returns the settings to restore. */
    private String switchOff(Module module) throws java.sql.SQLException {
        return switchOff(module, b.id());
    }

    private String switchOff(Module module, java.util.UUID tenant) throws java.sql.SQLException {
        try (var c = ownerConnection(); var st = c.prepareStatement("with old as (select settings::text s from tenants where id = ?)"
            + " update tenants set settings = jsonb_set(settings, '{enabledModules}', coalesce((select jsonb_agg(m) from"
            + " jsonb_array_elements_text(settings -> 'enabledModules') m where m <> ?), '[]'::jsonb)) where id = ? returning (select s from old)")) {
            st.setObject(1, tenant);
            st.setString(2, module.code());
            st.setObject(3, tenant);
            try (var r = st.executeQuery()) {
                r.next();
                return tenant + "|" + r.getString(1);
            }
        }
    }

    private void restore(String saved) throws java.sql.SQLException {
        String[] parts = saved.split("\\|", 2);
        try (var c = ownerConnection(); var st = c.prepareStatement("update tenants set settings = ?::jsonb where id = ?")) {
            st.setString(1, parts[1]);
            st.setObject(2, java.util.UUID.fromString(parts[0]));
            st.executeUpdate();
        }
    }

    @Test
    void every_list_route_shows_none_of_another_tenants_records() {
        List<String> checked = new ArrayList<>();
        fixtures().forEach((prefix, fixture) -> {
            String bId = fixture.createInB().get();
            String list = prefix.substring(0, prefix.length() - 1) + "?size=100";
            ApiResponse asA = api().get(list, a.adminToken());
            assertThat(asA.status()).as(list).isEqualTo(200);
            assertThat(asA.body()).as("%s as another tenant", list).doesNotContain(bId);
            assertThat(api().get(list, b.adminToken()).body()).as("%s as the owner", list).contains(bId);
            checked.add(list);
        });
        assertThat(checked).hasSize(fixtures().size());
    }

    @Test
    void giving_settings_and_the_donor_list_are_each_tenants_own() {
        ApiResponse saved = api().put("/api/v1/giving/settings", b.adminToken(), Map.of("consignorCode", "9999999999", "debitDay", 10),
            Map.of("If-Match", "\"" + api().get("/api/v1/giving/settings", b.adminToken()).json().get("version").asLong() + "\""));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(api().get("/api/v1/giving/settings", a.adminToken()).body()).doesNotContain("9999999999");
        long aVersion = api().get("/api/v1/giving/settings", a.adminToken()).json().get("version").asLong();
        api().put("/api/v1/giving/settings", a.adminToken(), Map.of("debitDay", 20), Map.of("If-Match", "\"" + aVersion + "\""));
        assertThat(api().get("/api/v1/giving/settings", b.adminToken()).json().get("debitDay").asInt()).isEqualTo(10);

        api().post("/api/v1/donations", b.adminToken(), Map.of("personId", personInB(), "amount", 777, "receivedOn", "2026-11-01",
            "method", "cash"));
        String listA = api().get("/api/v1/donor-list?fiscalYear=2026", a.adminToken()).body();
        assertThat(listA).contains("氏名").doesNotContain("別");
        assertThat(api().get("/api/v1/donor-list?fiscalYear=2026", b.adminToken()).body()).contains("別");
    }

    @Test
    void the_audit_log_and_its_export_show_only_the_callers_entries() {
        String bPerson = personInB();
        String byId = "?targetType=person&targetId=" + bPerson;
        ApiResponse asA = api().get("/api/v1/audit-log?size=100", a.adminToken());
        assertThat(asA.status()).as(asA.toString()).isEqualTo(200);
        assertThat(asA.body()).doesNotContain(bPerson).doesNotContain(b.id().toString());
        assertThat(api().get("/api/v1/audit-log" + byId, a.adminToken()).json().get("total").asLong()).isZero();
        assertThat(new String(api().bytes("/api/v1/audit-log/export" + byId, a.adminToken()).body(), java.nio.charset.StandardCharsets.UTF_8))
            .contains("日時").doesNotContain(bPerson);
        assertThat(api().get("/api/v1/audit-log" + byId, b.adminToken()).json().get("total").asLong()).isEqualTo(1);
        assertThat(new String(api().bytes("/api/v1/audit-log/export" + byId, b.adminToken()).body(), java.nio.charset.StandardCharsets.UTF_8))
            .contains(bPerson);
    }

    @Test
    void lists_and_searches_show_only_the_callers_people() {
        api().post("/api/v1/people", a.adminToken(), Map.of("familyName", "甲", "givenName", "一", "familyNameKana", "コウ", "givenNameKana", "イチ",
            "email", "shared@example.jp"));
        api().post("/api/v1/people", b.adminToken(), Map.of("familyName", "乙", "givenName", "二", "familyNameKana", "オツ", "givenNameKana", "ニ",
            "email", "shared@example.jp"));
        ApiResponse listA = api().get("/api/v1/people?q=shared&size=100", a.adminToken());
        ApiResponse listB = api().get("/api/v1/people?q=shared&size=100", b.adminToken());
        assertThat(listA.json().get("total").asLong()).isEqualTo(1);
        assertThat(listA.body()).contains("甲").doesNotContain("乙");
        assertThat(listB.json().get("total").asLong()).isEqualTo(1);
        assertThat(listB.body()).contains("乙").doesNotContain("甲");
        assertThat(api().get("/api/v1/users?size=100", a.adminToken()).json().get("total").asLong())
            .isEqualTo(1 + 0L);
    }
}
