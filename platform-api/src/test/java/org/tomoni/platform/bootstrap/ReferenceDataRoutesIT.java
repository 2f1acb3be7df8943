package org.tomoni.platform.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The postal code and bank code look-ups for signed-in API clients: answers, 400 for a malformed code, 404 for an unknown one, 401 anonymous. */
@MicronautTest(transactional = false)
class ReferenceDataRoutesIT extends PlatformTest {
    TestTenant t;

    @BeforeAll
    void tenant() {
        t = tenants().create("reference-a", "membership_organization");
    }

    @Test
    void a_postal_code_answers_every_town_it_stands_for_and_a_bad_or_unknown_code_says_which() {
        var found = api().get("/api/v1/postal-codes/498-0000", t.adminToken());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).hasSize(2);
        assertThat(found.json().get(1).get("prefecture").asText()).isEqualTo("三重県");
        assertThat(found.json().get(1).get("city").asText()).isEqualTo("桑名郡木曽岬町");
        assertThat(api().get("/api/v1/postal-codes/2200011", t.adminToken()).json().get(0).get("town").asText()).isEqualTo("高島");
        assertThat(api().get("/api/v1/postal-codes/22000", t.adminToken()).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/postal-codes/9999999", t.adminToken()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/postal-codes/2200011", null).status()).isEqualTo(401);
    }

    @Test
    void banks_are_searched_by_name_and_named_by_code_with_their_branches() {
        var search = api().get("/api/v1/banks?q=" + URLEncoder.encode("ゆうちょ", StandardCharsets.UTF_8), t.adminToken());
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get(0).get("code").asText()).isEqualTo("9900");
        var bank = api().get("/api/v1/banks/0001?branchCode=001", t.adminToken());
        assertThat(bank.json().get("bank").get("bankKana").asText()).isEqualTo("ﾐｽﾞﾎ");
        assertThat(bank.json().get("branch").get("name").asText()).isEqualTo("東京営業部");
        var branches = api().get("/api/v1/banks/0001/branches?q=" + URLEncoder.encode("丸の内中央", StandardCharsets.UTF_8), t.adminToken());
        assertThat(branches.json().get(0).get("code").asText()).isEqualTo("004");
        assertThat(api().get("/api/v1/banks/9998", t.adminToken()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/banks/12", t.adminToken()).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/banks?q=a", null).status()).isEqualTo(401);
    }
}
