package org.tomoni.platform.ui;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin UI by feature: a feature package (members, giving, admin, publicpages and each module
 * added later) uses the shell, the components and the domain, never another feature's views;
 * only the server package knows Jetty; no UI class reaches the database but through a facade.
 */
class ArchitectureTest {
    private static final String UI = "org.tomoni.platform.ui";
    /** Shared by every feature; everything else under {@code ui} is a feature. */
    private static final Set<String> SHARED = Set.of("shell", "components", "server");
    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(UI);

    /** The feature packages as they are in the tree, so a new module's package is covered without editing this test. */
    private Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : classes) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(UI + ".")) {
                String first = pkg.substring(UI.length() + 1).split("\\.")[0];
                if (!SHARED.contains(first)) {
                    features.add(first);
                }
            }
        }
        return features;
    }

    @Test
    void the_ui_has_the_feature_packages_the_readme_names() {
        assertThat(features()).contains("members", "giving", "admin", "publicpages");
    }

    @Test
    void feature_packages_do_not_depend_on_each_other() {
        Set<String> features = features();
        for (String feature : features) {
            String[] others = features.stream().filter(f -> !f.equals(feature)).map(f -> UI + "." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(UI + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a feature's views use the shell, the components and the domain, not another feature's views")
                .check(classes);
        }
    }

    @Test
    void only_the_server_package_depends_on_jetty() {
        noClasses().that().resideInAPackage(UI + "..").and().resideOutsideOfPackage(UI + ".server..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
            .check(classes);
    }

    @Test
    void no_ui_class_uses_jooq_or_jdbc() {
        noClasses().that().resideInAPackage(UI + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..")
            .because("views call the domain's facades, which bind the tenant; they never query the database themselves")
            .check(classes);
    }
}
