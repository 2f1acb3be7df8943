package org.tomoni.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Reply;

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
    void api_routes_answer_only_an_outcome_or_a_reply() {
        methods().that().areDeclaredInClassesThat(API_CONTROLLERS).and().areMetaAnnotatedWith(HttpMethodMapping.class)
            .should().haveRawReturnType(Outcome.class).orShould().haveRawReturnType(Reply.class)
            .because("OutcomeResponses is the one place that turns a result into status, problem+json, ETag and Location")
            .check(classes);
    }
}
