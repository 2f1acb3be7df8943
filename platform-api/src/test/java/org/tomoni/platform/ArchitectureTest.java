package org.tomoni.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import org.tomoni.platform.access.Capable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Reply;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Modules (packages under org.tomoni.platform) form no cycles; shared depends on no feature;
 * controllers are thin adapters (no SQL, answers only through the one Outcome mapping).
 */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tomoni.platform");

    @Test
    void modules_form_no_cycles() {
        slices().matching("org.tomoni.platform.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The members packages use each other only along these edges. Branches needs none of them (people and organisations count
     * themselves per branch through {@code BranchMembers}); organisations share member numbers with people; links and memberships
     * show the names of people and organisations (their published joins) and check that they exist. The one two-way need
     * (TWO_WAY): a person's or an organisation's single read carries their links and memberships, and a merge of two people moves
     * them (the people list also filters by membership status).
     */
    static final Map<String, Set<String>> MEMBERS_MAY_USE = Map.of(
        "branches", Set.of(),
        "people", Set.of("branches", "links", "memberships"),
        "organizations", Set.of("branches", "people", "links", "memberships"),
        "links", Set.of("people", "organizations"),
        "memberships", Set.of("people", "organizations"));
    static final Set<String> TWO_WAY = Set.of("people>links", "people>memberships", "organizations>links", "organizations>memberships");
    private static final String MEMBERS = "org.tomoni.platform.members.";

    @Test
    void members_packages_use_each_other_only_along_the_listed_edges() {
        classes().that().resideInAPackage("org.tomoni.platform.members..")
            .should(new ArchCondition<JavaClass>("use another members package only as MEMBERS_MAY_USE lists") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String from = membersPackage(c.getPackageName());
                    if (!MEMBERS_MAY_USE.containsKey(from)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " is in none of the five members packages"));
                        return;
                    }
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        String pkg = d.getTargetClass().getPackageName();
                        if (!pkg.startsWith(MEMBERS)) {
                            continue;
                        }
                        String to = membersPackage(pkg);
                        if (!to.equals(from) && !MEMBERS_MAY_USE.get(from).contains(to)) {
                            events.add(SimpleConditionEvent.violated(c, "members." + from + " may not use members." + to + ": " + d.getDescription()));
                        }
                    }
                }
            })
            .check(classes);
    }

    @Test
    void members_packages_form_no_cycle_but_the_two_way_needs_of_people_and_organisations() {
        var rule = slices().matching("org.tomoni.platform.members.(*)..").should().beFreeOfCycles();
        for (String edge : TWO_WAY) {
            String[] ends = edge.split(">");
            rule = rule.ignoreDependency(JavaClass.Predicates.resideInAPackage(MEMBERS + ends[0] + ".."),
                JavaClass.Predicates.resideInAPackage(MEMBERS + ends[1] + ".."));
        }
        rule.check(classes);
    }

    private static String membersPackage(String pkg) {
        if (!pkg.startsWith(MEMBERS)) {
            return "";
        }
        String rest = pkg.substring(MEMBERS.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void shared_and_tenancy_depend_on_no_feature_module() {
        noClasses().that().resideInAnyPackage("org.tomoni.platform.shared..", "org.tomoni.platform.tenancy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tomoni.platform.identity..", "org.tomoni.platform.members..",
                "org.tomoni.platform.onboarding..", "org.tomoni.platform.bootstrap..")
            .check(classes);
    }

    /** What a tenant can do comes from its settings and its kind's data, never from code that looks at the kind's code. */
    @Test
    void only_onboarding_and_tenancy_read_a_tenants_kind() {
        noClasses().that().resideOutsideOfPackages("org.tomoni.platform.onboarding..", "org.tomoni.platform.tenancy..")
            .should().callMethod(org.tomoni.platform.tenancy.Tenant.class, "kind")
            .check(classes);
    }

    @Test
    void only_the_tenancy_module_opens_transactions() {
        noClasses().that().resideOutsideOfPackage("org.tomoni.platform.tenancy..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.transaction.TransactionOperations")
            .check(classes);
    }

    @Test
    void only_the_access_policy_judges_an_actors_roles_and_grants() {
        // One style of authorisation: AccessPolicy.check/allows with a Capability. Sessions alone reads the role, to
        // end a session whose user's role has changed since it opened.
        noClasses().that().resideOutsideOfPackage("org.tomoni.platform.access..")
            .and().doNotHaveFullyQualifiedName("org.tomoni.platform.identity.Sessions")
            .should().callMethod(org.tomoni.platform.shared.Actor.class, "roles")
            .orShould().callMethod(org.tomoni.platform.shared.Actor.class, "narrow")
            .check(classes);
    }

    /** A controller of the API (/api/…): the health probe on /health answers for the framework, not the domain. */
    private static final DescribedPredicate<JavaClass> API_CONTROLLERS = DescribedPredicate.describe("API controllers",
        c -> c.tryGetAnnotationOfType(Controller.class.getName())
            .map(a -> String.valueOf(a.get("value").orElse("")).startsWith("/api")).orElse(false));

    @Test
    void controllers_hold_no_sql_and_no_tables() {
        noClasses().that().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Table")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Tables")
            .because("a controller binds arguments and returns the facade's Outcome; queries and rules live behind the facade")
            .check(classes);
    }

    @Test
    void every_route_method_declares_its_capability_on_itself_or_its_controller() {
        methods().that().areMetaAnnotatedWith(io.micronaut.http.annotation.HttpMethodMapping.class)
            .should(new ArchCondition<JavaMethod>("declare @Capable on the method or its controller") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    if (!method.isAnnotatedWith(Capable.class) && !method.getOwner().isAnnotatedWith(Capable.class)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " declares no capability"));
                    }
                }
            })
            .check(classes);
    }

    @Test
    void api_routes_answer_only_an_outcome_or_a_reply() {
        methods().that().areDeclaredInClassesThat(API_CONTROLLERS).and().areMetaAnnotatedWith(HttpMethodMapping.class)
            .should().haveRawReturnType(Outcome.class).orShould().haveRawReturnType(Reply.class)
            .because("OutcomeResponses is the one place that turns a result into status, problem+json, ETag and Location")
            .check(classes);
    }

    @Test
    void no_route_is_secured_by_a_role_the_policy_decides() {
        // @Secured only says whether a sign-in is needed; which role may do what is the AccessPolicy's (one style).
        classes().that().areAnnotatedWith(io.micronaut.security.annotation.Secured.class)
            .should(new ArchCondition<JavaClass>("name no role in @Secured") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    Object value = c.getAnnotationOfType(io.micronaut.security.annotation.Secured.class.getName()).get("value").orElse(null);
                    for (Object v : value instanceof Object[] a ? a : new Object[] {value}) {
                        if (!java.util.List.of("isAuthenticated()", "isAnonymous()").contains(String.valueOf(v))) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is @Secured(\"" + v + "\")"));
                        }
                    }
                }
            })
            .check(classes);
    }
}
