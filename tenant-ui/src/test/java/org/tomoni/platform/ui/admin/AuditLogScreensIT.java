package org.tomoni.platform.ui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.audit.AuditActions;
import org.tomoni.platform.audit.AuditLog.AuditEntry;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.UiI18n;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 監査ログ: a tenant admin narrows the log by who, what, when and which record, reads it in words (Japanese and English,
 * no raw codes), downloads what it shows as CSV; staff cannot open it; the operator reads the platform's log on the
 * platform page.
 */
@MicronautTest(transactional = false)
class AuditLogScreensIT extends ViewTest {
    TestTenant t;
    String clerkId;
    String taro;

    @BeforeAll
    void records() {
        t = tenants().create("audit-ui");
        person(t.adminToken(), "花子", "ハナコ");
        taro = person(t.adminToken(), "太郎", "タロウ");
        ApiResponse got = api().get("/api/v1/people/" + taro, t.adminToken());
        assertThat(api().put("/api/v1/people/" + taro, t.adminToken(), Map.of("familyName", "監査", "givenName", "太郎",
            "familyNameKana", "カンサ", "givenNameKana", "タロウ", "notes", "更新"),
            Map.of("If-Match", "\"" + got.json().get("version").asLong() + "\"")).status()).isEqualTo(200);
        String clerk = tenants().userToken(t, "clerk", Role.STAFF);
        person(clerk, "次郎", "ジロウ");
        for (JsonNode u : api().get("/api/v1/users?size=100", t.adminToken()).json().get("items")) {
            if ("clerk".equals(u.get("username").asText())) {
                clerkId = u.get("id").asText();
            }
        }
        context.getBean(PlatformAccounts.class).create("audit-ui-op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
    }

    private String person(String token, String given, String givenKana) {
        ApiResponse created = api().post("/api/v1/people", token, Map.of("familyName", "監査", "givenName", given,
            "familyNameKana", "カンサ", "givenNameKana", givenKana));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private AuditLogPanel open() {
        signInAdmin("audit-ui");
        UI.getCurrent().navigate(AuditLogView.class);
        return _get(AuditLogView.class).panel;
    }

    private static List<String> actions(AuditLogPanel panel) {
        return entries(panel).stream().map(AuditEntry::action).toList();
    }

    private static List<AuditEntry> entries(AuditLogPanel panel) {
        return _findAll(panel.grid).stream().map(AuditLogPanel.Line::entry).toList();
    }

    private static List<String> cells(AuditLogPanel panel) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < _findAll(panel.grid).size(); i++) {
            all.addAll(_getFormattedRow(panel.grid, i));
        }
        return all;
    }

    @Test
    void the_filters_narrow_the_rows_by_what_who_when_and_which_record() {
        AuditLogPanel panel = open();
        assertThat(actions(panel)).contains("person.create", "person.update", "user.create");

        panel.what.setValue("person.update");
        assertThat(actions(panel)).containsExactly("person.update");
        panel.clearFilters();

        AuditLogPanel.ActorChoice clerk = panel.who.getListDataView().getItems().filter(a -> "clerk".equals(a.staffName())).findFirst().orElseThrow();
        panel.who.setValue(clerk);
        assertThat(actions(panel)).contains("person.create").doesNotContain("person.update", "user.create");
        assertThat(entries(panel)).allMatch(e -> e.actorName().startsWith(clerkId));
        panel.clearFilters();

        panel.from.setValue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(1));
        assertThat(panel.grid.isVisible()).isFalse();
        assertThat(panel.empty.isVisible()).isTrue();
        assertThat(panel.empty.getText()).contains("条件をクリア");
        _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("audit-clear")).click();
        assertThat(panel.grid.isVisible()).isTrue();

        panel.recordType.setValue("user");
        assertThat(actions(panel)).isNotEmpty().allMatch(a -> a.startsWith("user."));
        panel.clearFilters();

        AuditLogPanel.Line signIn = _findAll(panel.grid).stream().filter(l -> l.entry().action().equals("auth.login")).findFirst().orElseThrow();
        panel.grid.select(signIn);
        assertThat(panel.detail.isVisible()).as("an entry without a record shows its detail too").isTrue();
        assertThat(panel.detail.getText()).contains("ログイン").contains("成功");
        assertThat(panel.open.isVisible()).isFalse();

        AuditLogPanel.Line update = _findAll(panel.grid).stream().filter(l -> l.entry().action().equals("person.update")).findFirst().orElseThrow();
        panel.grid.select(update);
        assertThat(panel.open.isVisible()).isTrue();
        assertThat(panel.history.isVisible()).isTrue();
        assertThat(panel.detail.getText()).contains("会員情報の変更").contains("管理者");
        panel.recordHistory();
        assertThat(actions(panel)).containsExactly("person.update", "person.create");
        assertThat(panel.recordOnly.isVisible()).isTrue();
        panel.grid.select(_findAll(panel.grid).get(0));
        panel.openRecord();
        assertThat(currentPath()).isEqualTo("person/" + taro);
    }

    @Test
    void who_what_and_which_record_show_in_words_in_japanese_and_in_english_never_as_codes_or_ids() {
        AuditLogPanel panel = open();
        List<String> ja = cells(panel);
        assertThat(ja).contains("会員の登録", "会員情報の変更", "ユーザーの追加", "会員", "clerk", "管理者", "成功");
        assertNoCodes(ja);
        assertThat(panel.what.getLabel()).isEqualTo("操作");
        assertThat(panel.what.getItemLabelGenerator().apply("person.merge")).isEqualTo("重複した会員の統合（残した記録）");

        _get(MainLayout.class).language.setValue(UiI18n.ENGLISH);
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        List<String> en = cells(panel);
        assertThat(en).contains("Person registered", "Person changed", "User added", "Person", "Succeeded");
        assertNoCodes(en);
        assertThat(panel.what.getLabel()).isEqualTo("Action");
        assertThat(panel.download.getText()).isEqualTo("Download the entries shown (CSV)");
    }

    private void assertNoCodes(List<String> cells) {
        for (String cell : cells) {
            assertThat(AuditActions.CODES).as("a raw code on screen").doesNotContain(cell);
            assertThat(cell).as("an id on screen").doesNotContain(clerkId).doesNotContain(taro).doesNotContain("@audit-ui");
        }
    }

    @Test
    void the_csv_download_holds_the_filtered_rows_with_japanese_headers_and_is_audited() {
        AuditLogPanel panel = open();
        panel.what.setValue("person.create");
        byte[] csv = _download(panel.download);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("日時,実行者,操作,対象,対象ID,結果,接続元,実行者（記録上の名前）,実行者ID,操作コード,対象の種類コード");
        assertThat(lines).hasSize(4);
        // Worded as on the screen (the action, the record, the result in Japanese), the codes after them for matching.
        assertThat(lines.subList(1, 4)).allMatch(l -> l.contains(",会員の登録,会員,") && l.contains(",成功,") && l.endsWith(",person.create,person"));

        panel.encoding.setValue(org.tomoni.platform.shared.ExcelCsv.Encoding.WINDOWS_31J);
        assertThat(new String(_download(panel.download), Charset.forName("windows-31j"))).startsWith("日時,実行者");

        panel.what.setValue("audit_log.export");
        assertThat(_findAll(panel.grid)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cells(panel)).contains("監査ログのCSV出力", "監査ログ（3件）");
    }

    @Test
    void staff_have_no_audit_log_in_the_menu_and_cannot_open_its_route() {
        tenants().userToken(t, "reader", Role.STAFF);
        signIn("audit-ui", "reader", TestTenants.PASSWORD);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).doesNotContain("監査ログ");
        UI.getCurrent().navigate("audit-log");
        _get(NotFoundView.class);

        signInAdmin("audit-ui");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).contains("監査ログ");
    }

    @Test
    void the_operator_reads_the_platform_log_on_the_platform_page_and_a_tenant_admin_does_not() {
        TestTenant onboarded = tenants().create("audit-ui-new");
        signIn(null, "audit-ui-op", TestTenants.PASSWORD);
        UI.getCurrent().navigate(PlatformView.class);
        AuditLogPanel panel = _get(AuditLogPanel.class, spec -> spec.withId("platform-audit-panel"));
        panel.what.setValue("tenant.onboard");
        assertThat(entries(panel)).isNotEmpty().allMatch(e -> e.action().equals("tenant.onboard"));
        assertThat(entries(panel).stream().map(AuditEntry::targetId)).contains(onboarded.id().toString());
        assertThat(cells(panel)).contains("組織の登録", "組織").contains("自動処理").doesNotContain("ユーザー名「test-operator」（確認できない利用者）");
        assertThat(new String(_download(panel.download), StandardCharsets.UTF_8)).contains(onboarded.id().toString());
        assertThat(panel.who.isVisible()).isFalse();

        signInAdmin("audit-ui");
        UI.getCurrent().navigate("platform");
        _get(NotFoundView.class);
    }
}
