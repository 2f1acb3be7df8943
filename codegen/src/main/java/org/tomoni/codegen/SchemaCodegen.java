package org.tomoni.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes of the platform's schema from the Flyway migrations, at build time:
 * a throwaway embedded PostgreSQL (no Docker, no network), the same migrations the platform runs,
 * then jOOQ's generator reading the real catalog. A renamed column therefore fails the compile.
 *
 * <p>Skips the work when the migrations are unchanged since the last generation (a hash of their
 * names and bytes is kept beside the output), so an incremental build costs nothing.
 *
 * <p>Arguments: the migrations folder, the output folder, the target package.
 */
public final class SchemaCodegen {
    /** Bump when the generator settings below change, so outputs made with the old ones are redone. */
    private static final String SETTINGS_VERSION = "1";
    private static final String SCHEMA = "tomoni";
    private static final String APP_ROLE = "tomoni_app";
    private static final String HASH_FILE = ".migrations.sha256";

    private SchemaCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SchemaCodegen <migrations folder> <output folder> <package>");
        }
        // Runs inside Maven with the test classpath's logback but before its config is compiled: keep the build log quiet.
        System.setProperty("logback.configurationFile", "codegen-logback.xml");
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        String hash = hash(migrations);
        Path hashFile = output.resolve(HASH_FILE);
        if (Files.exists(hashFile) && Files.readString(hashFile).equals(hash)) {
            System.out.println("[codegen] jOOQ classes are up to date with " + migrations);
            return;
        }
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("tomoni-codegen");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true).start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + APP_ROLE + " nologin");
            }
            Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("filesystem:" + migrations)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .placeholders(Map.of("app_role", APP_ROLE))
                .validateMigrationNaming(true)
                .load()
                .migrate();
            GenerationTool.generate(configuration(url, output, packageName));
        } finally {
            deleteQuietly(work);
        }
        Files.writeString(hashFile, hash);
        System.out.printf("[codegen] jOOQ classes generated from %s in %.1f s%n", migrations, (System.nanoTime() - started) / 1e9);
    }

    private static Configuration configuration(String url, Path output, String packageName) {
        return new Configuration()
            .withLogging(org.jooq.meta.jaxb.Logging.WARN)
            .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres").withPassword(""))
            .withGenerator(new Generator()
                .withName("org.jooq.codegen.JavaGenerator")
                .withDatabase(new Database()
                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                    .withInputSchema(SCHEMA)
                    // The platform sets search_path to its schema; unqualified names keep the SQL portable to a renamed schema.
                    .withOutputSchemaToDefault(true)
                    .withIncludes(".*")
                    .withExcludes("flyway_schema_history")
                    .withIncludeRoutines(false)
                    .withIncludeTriggerRoutines(false))
                .withGenerate(new Generate()
                    .withRecords(true)
                    .withPojos(false)
                    .withDaos(false)
                    .withJavaTimeTypes(true)
                    .withGeneratedAnnotation(false)
                    .withComments(true)
                    .withFluentSetters(true))
                .withTarget(new Target().withPackageName(packageName).withDirectory(output.toString()).withClean(true)));
    }

    private static String hash(Path migrations) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(SETTINGS_VERSION.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> list = Files.list(migrations)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no migrations in " + migrations);
        }
        for (Path f : files) {
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }
}
