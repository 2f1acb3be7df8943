package org.tomoni.platform;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The persistence boundaries (README, "How to add a table"):
 * <ul>
 *   <li>tables and columns come from the generated schema ({@code org.tomoni.platform.schema}), never declared by hand;</li>
 *   <li>only a {@code *Repository} touches a table, and only the package that owns it;</li>
 *   <li>no SQL as text outside the operator commands of {@code bootstrap}.</li>
 * </ul>
 */
class PersistenceArchitectureTest {
    private static final String SCHEMA = "org.tomoni.platform.schema";
    private static final String ROOT = "org.tomoni.platform.";

    /** Each table has one owning package; another package asks the owner's facade (or a join it offers). */
    static final Map<String, String> OWNER = Map.ofEntries(
        Map.entry("tenants", "tenancy"),
        Map.entry("tenant_kinds", "onboarding"),
        Map.entry("users", "identity"),
        Map.entry("refresh_tokens", "identity"),
        Map.entry("password_resets", "identity"),
        Map.entry("platform_users", "identity"),
        Map.entry("platform_refresh_tokens", "identity"),
        Map.entry("user_duties", "identity"),
        Map.entry("audit_log", "persistence"),
        Map.entry("platform_audit_log", "persistence"),
        Map.entry("audit_log_entries", "audit"),
        Map.entry("platform_audit_log_entries", "audit"),
        Map.entry("counters", "persistence"),
        Map.entry("outbox", "mail"),
        Map.entry("people", "members.people"),
        Map.entry("member_numbers", "members.people"),
        Map.entry("duplicate_dismissals", "members.people"),
        Map.entry("organizations", "members.organizations"),
        Map.entry("branches", "members.branches"),
        Map.entry("relationships", "members.links"),
        Map.entry("affiliations", "members.links"),
        Map.entry("memberships", "members.memberships"),
        Map.entry("membership_types", "members.memberships"),
        Map.entry("membership_events", "members.memberships"),
        Map.entry("gift_plans", "giving"),
        Map.entry("recurring_gifts", "giving"),
        Map.entry("recurring_gift_events", "giving"),
        Map.entry("billing_runs", "giving"),
        Map.entry("charges", "giving"),
        Map.entry("idempotency_keys", "giving"),
        Map.entry("giving_settings", "giving"),
        Map.entry("debit_batches", "giving"),
        Map.entry("debit_results", "giving"),
        Map.entry("donations", "giving"),
        Map.entry("receipts", "giving"),
        Map.entry("receipt_lines", "giving"),
        Map.entry("scheduled_tasks", "giving"));

    /**
     * Public classes through which a table's owner offers other packages' repositories a join, a sort or a bulk
     * insert in SQL (README, "How to add a table"): they hand out jOOQ fields or selects and touch their tables only
     * through their own package's repository. Keep them few.
     */
    static final Set<String> PUBLISHED_JOINS = Set.of(
        "org.tomoni.platform.members.memberships.MembershipDues",
        "org.tomoni.platform.members.memberships.MembershipHolders",
        "org.tomoni.platform.members.organizations.OrganizationNames",
        "org.tomoni.platform.members.people.PersonNames");

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tomoni.platform");

    @Test
    void every_table_of_the_schema_has_an_owning_package() {
        classes().that().resideInAPackage(SCHEMA + ".tables").and().areTopLevelClasses()
            .should(new ArchCondition<JavaClass>("be listed in OWNER") {
                @Override
                public void check(JavaClass table, ConditionEvents events) {
                    if (!OWNER.containsKey(tableName(table))) {
                        events.add(SimpleConditionEvent.violated(table, tableName(table) + " has no owner in PersistenceArchitectureTest.OWNER"));
                    }
                }
            })
            .check(classes);
    }

    @Test
    void only_a_repository_of_the_owning_package_touches_a_table() {
        classes().that().resideOutsideOfPackage(SCHEMA + "..")
            .should(new ArchCondition<JavaClass>("touch tables only as a *Repository of the table's owner") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        JavaClass target = topLevel(d.getTargetClass());
                        if (!target.getPackageName().startsWith(SCHEMA + ".tables")) {
                            continue;
                        }
                        String table = tableName(target);
                        String owner = ROOT + OWNER.getOrDefault(table, "?");
                        boolean plumbing = c.getPackageName().equals(ROOT + "persistence");
                        if (!plumbing && !topLevel(c).getSimpleName().endsWith("Repository")) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " touches " + table + " but is no *Repository"));
                        } else if (!c.getPackageName().equals(owner)) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " touches " + table + ", which belongs to " + owner));
                        }
                    }
                }
            })
            .check(classes);
    }

    @Test
    void no_table_or_column_is_declared_by_hand() {
        classes().that().resideOutsideOfPackage(SCHEMA + "..")
            .should(new ArchCondition<JavaClass>("declare no table or column by name (DSL.table, DSL.field(Name, …))") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                        if (!call.getTargetOwner().isEquivalentTo(DSL.class)) {
                            continue;
                        }
                        String name = call.getName();
                        var params = call.getTarget().getRawParameterTypes();
                        boolean byName = !params.isEmpty() && params.get(0).isEquivalentTo(org.jooq.Name.class);
                        if (name.equals("table") || (name.equals("field") && byName)) {
                            events.add(SimpleConditionEvent.violated(c, call.getDescription()));
                        }
                    }
                }
            })
            .check(classes);
    }

    @Test
    void no_sql_as_text_outside_the_operator_commands() {
        // bootstrap creates roles and databases, takes backups and rotates keys as the owner: DDL and catalog work
        // that jOOQ's generated tables do not describe. TenantTransactions binds the tenant with set_config.
        Set<String> textual = Set.of("execute", "fetch", "fetchOne", "fetchOptional", "fetchValue", "fetchLazy", "fetchSingle",
            "resultQuery", "query", "fetchMany", "fetchStream");
        classes().that().resideOutsideOfPackages(ROOT + "bootstrap..", SCHEMA + "..")
            .and().doNotHaveFullyQualifiedName(ROOT + "tenancy.TenantTransactions")
            .should(new ArchCondition<JavaClass>("pass SQL to jOOQ as text") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                        var params = call.getTarget().getRawParameterTypes();
                        if (call.getTargetOwner().isAssignableTo(DSLContext.class) && textual.contains(call.getName())
                            && !params.isEmpty() && params.get(0).isEquivalentTo(String.class)) {
                            events.add(SimpleConditionEvent.violated(c, call.getDescription()));
                        }
                    }
                }
            })
            .check(classes);
    }

    @Test
    void only_repositories_and_the_persistence_plumbing_speak_jooq() {
        // Facades, policies, CSV and PDF code work with records and read models; a query is a repository method.
        classes().that().resideOutsideOfPackages(SCHEMA + "..", ROOT + "persistence..", ROOT + "bootstrap..")
            .and().doNotHaveFullyQualifiedName(ROOT + "tenancy.TenantTransactions")
            .should(new ArchCondition<JavaClass>("depend on jOOQ only as a *Repository") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    if (topLevel(c).getSimpleName().endsWith("Repository")
                        || PUBLISHED_JOINS.contains(topLevel(c).getName())) {
                        return;
                    }
                    c.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getPackageName().startsWith("org.jooq"))
                        .findFirst()
                        .ifPresent(d -> events.add(SimpleConditionEvent.violated(c, topLevel(c).getName() + " uses jOOQ: " + d.getDescription())));
                }
            })
            .check(classes);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    /** {@code People} or {@code PeopleRecord} → {@code people}, from the generated class's table. */
    private static String tableName(JavaClass generated) {
        String simple = generated.getSimpleName().replaceFirst("Record$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
