package org.tomoni.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Modules (packages under org.tomoni.platform) form no cycles; shared depends on no feature. */
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
}
