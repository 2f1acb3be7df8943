package org.tomoni.platform.ui;

import org.tomoni.platform.access.Capability;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tomoni.platform.giving.DonorLinks;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.Payments.PaymentRequest;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.UiI18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every view (every {@code @Route} class found by scanning, so a new view is covered
 * without touching this test): shown in Japanese, switched to English no Japanese label of the
 * translations remains, and switched back it reads exactly as before.
 */
@MicronautTest(transactional = false)
class LanguageSwitchWalkerIT extends ViewTest {
    private static final String PACKAGE = "org.tomoni.platform.ui";
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /** The Japanese texts whose English differs, as patterns ({0} and the like match anything). */
    private static final List<Pattern> JAPANESE_LABELS = japaneseLabels();
    /** Properties that hold text a user reads. */
    private static final List<String> TEXT_PROPERTIES = List.of("label", "placeholder", "helperText", "title", "accessibleName",
        "errorMessage", "header", "confirmText", "cancelText");

    TestTenant tenant;
    String giftToken;

    static Stream<String> views() {
        return new Routes().autoDiscoverViews(PACKAGE).getRoutes().stream().map(Class::getName).sorted();
    }

    @BeforeAll
    void aTenantWithSomethingInEveryList() {
        tenant = tenants().create("walk-ui", "membership_organization");
        var person = context.getBean(People.class).create(tenant.admin(), PersonRequest.basic("歩行", "太郎", "ホコウ", "タロウ", "1980-01-01",
            "walk@example.jp", null, null, null, null, null, null, null)).orThrow();
        var plan = context.getBean(GiftPlans.class).create(tenant.admin(),
            new GiftPlans.PlanRequest("歩行プラン", 1000L, "monthly", null, true)).orThrow();
        var signup = context.getBean(PublicGiving.class).signUp(tenant.slug(), UUID.randomUUID().toString(),
            new PublicGiving.SignupRequest(plan.id().toString(), 1,
                new PublicGiving.DonorRequest("歩行", "花子", "ホコウ", "ハナコ", "walk-donor@example.jp", null, null, null, null, null, null),
                new PaymentRequest("direct_debit", "0001", "123", 1, "1234567", "ﾎｺｳ ﾊﾅｺ", null))).orThrow();
        giftToken = context.getBean(DonorLinks.class).token(tenant.id(), signup.id());
        context.getBean(PlatformAccounts.class).create("walk-operator", "運営", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        assertThat(person.id()).isNotNull();
    }

    @Test
    void the_walker_finds_the_views_of_every_feature() {
        assertThat(views()).contains(PACKAGE + ".members.PeopleView", PACKAGE + ".giving.DonationsView", PACKAGE + ".admin.UsersView",
            PACKAGE + ".publicpages.PublicSignupView", PACKAGE + ".shell.LoginView");
    }

    @TestFactory
    Stream<DynamicTest> every_view_follows_the_language_switch_to_english_and_back() {
        return views().map(name -> DynamicTest.dynamicTest(name.substring(PACKAGE.length() + 1), () -> {
            // Each view in a fresh session, as each test of the class gets.
            tearDownVaadin();
            mockVaadin();
            walk(Class.forName(name));
        }));
    }

    private void walk(Class<?> route) {
        Allowed allowed = route.getAnnotation(Allowed.class);
        if (allowed != null && allowed.value() != Capability.PUBLIC) {
            boolean tenantView = allowed.value() == Capability.SIGNED_IN || allowed.value().tenantScoped();
            if (tenantView) {
                signInAdmin(tenant.slug());
            } else {
                signIn(null, "walk-operator", TestTenants.PASSWORD);
            }
        }
        UI ui = UI.getCurrent();
        ui.setLocale(UiI18n.JAPANESE);
        ui.navigate(path(route));
        Component view = (Component) ui.getInternals().getActiveRouterTargetsChain().get(0);

        List<String> japanese = texts(view);
        assertThat(japanese).as("%s shows Japanese labels to begin with", view.getClass().getSimpleName())
            .anyMatch(LanguageSwitchWalkerIT::isJapaneseLabel);

        ui.setLocale(UiI18n.ENGLISH);
        Set<String> data = data(view);
        assertThat(texts(view)).as("%s in English", view.getClass().getSimpleName())
            .noneMatch(text -> isJapaneseLabel(text) && !data.contains(text));

        ui.setLocale(UiI18n.JAPANESE);
        assertThat(texts(view)).as("%s back in Japanese", view.getClass().getSimpleName()).isEqualTo(japanese);
    }

    /** The route's path with its parameters filled in: this tenant's slug, a donor's link, a new record. */
    private String path(Class<?> route) {
        String path = route.getAnnotation(Route.class).value();
        Map<String, String> parameters = Map.of(":tenantSlug", tenant.slug(), ":token", giftToken);
        for (var p : parameters.entrySet()) {
            path = path.replace(p.getKey(), p.getValue());
        }
        assertThat(path).as("every route parameter has a value in the walker").doesNotContain(":");
        return HasUrlParameter.class.isAssignableFrom(route) ? path + "/new" : path;
    }

    /** Every text the view shows: text nodes, labels and other readable properties, grid headers, empty states and cells. */
    static List<String> texts(Component view) {
        List<String> texts = new ArrayList<>();
        collect(view.getElement(), texts);
        return texts;
    }

    /**
     * What the view's lists show as stored (a user's display name 管理者 is data, even where it
     * reads like the role's label): the text fields of the records in its grids.
     */
    static Set<String> data(Component view) {
        Set<String> data = new HashSet<>();
        data(view.getElement(), data);
        return data;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void data(Element element, Set<String> data) {
        element.getComponent().ifPresent(c -> {
            if (c instanceof Grid grid) {
                for (Object row : GridKt._fetch(grid, 0, 3)) {
                    if (row instanceof Record record) {
                        for (RecordComponent part : record.getClass().getRecordComponents()) {
                            try {
                                if (part.getAccessor().invoke(record) instanceof String text) {
                                    data.add(text.strip());
                                }
                            } catch (ReflectiveOperationException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            }
        });
        element.getChildren().forEach(child -> data(child, data));
    }

    private static void collect(Element element, List<String> texts) {
        add(texts, element.getText());
        for (String property : TEXT_PROPERTIES) {
            add(texts, element.getProperty(property));
        }
        add(texts, element.getAttribute("aria-label"));
        element.getComponent().ifPresent(c -> {
            if (c instanceof Grid<?> grid) {
                grid(grid, texts);
            }
        });
        element.getChildren().forEach(child -> collect(child, texts));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void grid(Grid grid, List<String> texts) {
        add(texts, grid.getEmptyStateText());
        for (Object column : grid.getColumns()) {
            add(texts, ((Grid.Column<?>) column).getHeaderText());
        }
        List<Object> rows = GridKt._fetch(grid, 0, 3);
        for (int i = 0; i < rows.size(); i++) {
            GridKt._getFormattedRow(grid, i).forEach(cell -> add(texts, (String) cell));
            for (Object column : grid.getColumns()) {
                if (((Grid.Column<?>) column).getRenderer() instanceof ComponentRenderer renderer) {
                    collect(renderer.createComponent(rows.get(i)).getElement(), texts);
                }
            }
        }
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }

    static boolean isJapaneseLabel(String text) {
        return JAPANESE_LABELS.stream().anyMatch(p -> p.matcher(text).matches());
    }

    private static List<Pattern> japaneseLabels() {
        Properties ja = bundle("ui/messages_ja.properties");
        Properties en = bundle("ui/messages_en.properties");
        return ja.stringPropertyNames().stream()
            .filter(key -> JAPANESE.matcher(ja.getProperty(key)).find() && !ja.getProperty(key).equals(en.getProperty(key)))
            .map(key -> pattern(ja.getProperty(key)))
            .collect(Collectors.toList());
    }

    /** A MessageFormat text as a pattern: each {n} matches any text, quotes as MessageFormat reads them. */
    private static Pattern pattern(String message) {
        String text = message.replace("''", "'");
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\{\\d+(,[^}]*)?}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part.strip()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Properties bundle(String resource) {
        try (InputStream in = LanguageSwitchWalkerIT.class.getClassLoader().getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
