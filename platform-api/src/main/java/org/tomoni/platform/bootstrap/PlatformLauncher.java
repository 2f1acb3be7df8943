package org.tomoni.platform.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.tenancy.TenantRegistry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the platform: the database (external from DB_URL, or embedded), its migrations, the
 * Micronaut context, and the demo tenants when wanted. Both runnable jars start through here.
 */
public final class PlatformLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformLauncher.class);

    private PlatformLauncher() {
    }

    public static ApplicationContext launch(Class<?> mainClass, String[] args, Map<String, Object> extraProperties) {
        return launch(mainClass, args, System.getenv(), extraProperties);
    }

    /** As {@link #launch(Class, String[], Map)} with the environment given (tests). */
    public static ApplicationContext launch(Class<?> mainClass, String[] args, Map<String, String> env,
                                            Map<String, Object> extraProperties) {
        Path dataDir = Path.of(env.getOrDefault("PLATFORM_DATA_DIR", "./data")).toAbsolutePath().normalize();
        DatabaseChoice db = DatabaseChoice.fromEnvironment(env, dataDir);
        DatabaseMigrator.migrate(db.logins());

        Map<String, Object> properties = new HashMap<>(db.logins().runtimeDatasource(20));
        properties.put("platform.data-dir", dataDir.toString());
        // Health stays DOWN until the start-up work below is done (see StartupReadiness).
        properties.put("platform.startup.wait-for-launcher", true);
        properties.putAll(extraProperties);
        ApplicationContext context = Micronaut.build(args).mainClass(mainClass).properties(properties).start();
        db.embedded().ifPresent(embedded -> {
            context.registerSingleton(EmbeddedDatabase.class, embedded);
            // Micronaut's own hook closes the context; the database stops once it has (or after 20 s).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitStopped(context);
                embedded.close();
            }, "embedded-postgres-stop"));
        });

        sealPlainCollectionAccounts(context);
        boolean demoWanted = Boolean.parseBoolean(env.getOrDefault("PLATFORM_DEMO", "false"))
            || db.embedded().map(EmbeddedDatabase::createdDatabase).orElse(false);
        context.getBean(DemoProvisioning.class).provisionIfWanted(demoWanted, env.get("PLATFORM_DEMO_PASSWORD"));
        context.getBean(StartupReadiness.class).markReady();
        LOG.info("Tomoni is up. Data folder: {}", dataDir);
        return context;
    }

    /** Builds before encryption stored tenants' own account numbers in plain text. */
    private static void sealPlainCollectionAccounts(ApplicationContext context) {
        GivingSettings settings = context.getBean(GivingSettings.class);
        int sealed = context.getBean(TenantRegistry.class).all().stream().mapToInt(t -> settings.sealPlainAccounts(t.id())).sum();
        if (sealed > 0) {
            LOG.info("Encrypted {} collection account number(s) stored in plain text by an earlier build", sealed);
        }
    }

    private static void awaitStopped(ApplicationContext context) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
