package org.tomoni.platform.bootstrap;

import org.tomoni.platform.identity.JwtKeys;
import org.tomoni.platform.shared.LinkSigner;
import org.tomoni.platform.shared.SecretBox;
import org.tomoni.platform.shared.SecretFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * {@code backup DIR} and {@code restore DIR} for the embedded default. A backup is itself a data
 * folder: the key files and an online base backup of the server (PostgreSQL's low-level backup
 * API, what pg_basebackup does, since the embedded binaries carry no pg_basebackup or pg_dump),
 * with the write-ahead log it needs held by a temporary replication slot. It can be taken while
 * the platform runs. Restoring copies it into an empty data folder and starts the server once,
 * which replays the log to a consistent state.
 */
final class Backups {
    static final String MANIFEST = "tomoni-backup.properties";
    /** What pg_basebackup leaves out: runtime state, rebuilt or meaningless after a restore. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label.old",
        "current_logfiles", "pg_internal.init", "backup_label", "tablespace_map");
    private static final Set<String> EMPTIED_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
        "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private final Map<String, String> env;
    private final Path dataDir;
    private final PrintStream out;
    private final Clock clock;

    Backups(Map<String, String> env, Path dataDir, PrintStream out, Clock clock) {
        this.env = env;
        this.dataDir = dataDir;
        this.out = out;
        this.clock = clock;
    }

    void backup(Path target) throws IOException, SQLException {
        requireEmpty(target);
        Files.createDirectories(target);
        SecretFiles.restrictFolderToOwner(target);
        int keys = copyKeys(target);
        if (blank(env.get("DB_URL"))) {
            backupEmbedded(target.resolve(EmbeddedDatabase.PG_FOLDER));
        } else {
            out.println("DB_URL is set: back the database up with pg_dump, e.g.");
            out.println("  pg_dump -Fc -d \"$DB_URL\" -U \"$DB_OWNER_USER\" -f tomoni.dump");
            out.println("The key files are in " + target + "; keep both together.");
        }
        Properties manifest = new Properties();
        manifest.setProperty("created", clock.instant().toString());
        manifest.setProperty("database", blank(env.get("DB_URL")) ? "embedded" : "external (pg_dump separately)");
        manifest.setProperty("keyFiles", Integer.toString(keys));
        try (OutputStream o = Files.newOutputStream(target.resolve(MANIFEST))) {
            manifest.store(o, "Tomoni backup: restore with `java -jar tenant-ui.jar restore " + target + "`");
        }
        out.println("Backup written to " + target + " (" + keys + " key file(s)).");
    }

    void restore(Path source) throws IOException, SQLException {
        if (!Files.exists(source.resolve(MANIFEST))) {
            throw new IllegalStateException(source + " is not a Tomoni backup (no " + MANIFEST + ")");
        }
        if (!Files.exists(source.resolve(EmbeddedDatabase.PG_FOLDER).resolve("backup_label"))) {
            throw new IllegalStateException(source + " holds no embedded database: restore the pg_dump with pg_restore, and copy its key files");
        }
        requireEmpty(dataDir);
        copyTree(source, dataDir, Set.of(), Set.of());
        Files.delete(dataDir.resolve(MANIFEST));
        SecretFiles.restrictFolderToOwner(dataDir);
        SecretFiles.restrictFolderToOwner(dataDir.resolve(EmbeddedDatabase.PG_FOLDER));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir); Connection c = db.superuserConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pg_database where datname = '"
                 + EmbeddedDatabase.DATABASE + "'")) {
            rs.next();
            if (rs.getInt(1) != 1) {
                throw new IllegalStateException("The restored server has no " + EmbeddedDatabase.DATABASE + " database");
            }
        }
        out.println("Restored into " + dataDir + ". Start the platform with PLATFORM_DATA_DIR=" + dataDir + ".");
    }

    private int copyKeys(Path target) throws IOException {
        List<Path> files = List.of(SecretBox.keyFile(env.get("SECRETS_KEY_FILE"), dataDir), LinkSigner.keyFile(env.get("LINK_SIGNING_KEY_FILE"), dataDir),
            JwtKeys.keyFile(env.get("JWT_SIGNING_KEY_FILE"), dataDir), dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE));
        List<String> names = List.of(SecretBox.GENERATED_FILE, LinkSigner.GENERATED_FILE, JwtKeys.GENERATED_FILE, EmbeddedDatabase.CREDENTIALS_FILE);
        int copied = 0;
        for (int i = 0; i < files.size(); i++) {
            if (Files.exists(files.get(i))) {
                Path to = target.resolve(names.get(i));
                Files.copy(files.get(i), to, StandardCopyOption.REPLACE_EXISTING);
                SecretFiles.restrictToOwner(to);
                copied++;
            }
        }
        return copied;
    }

    private void backupEmbedded(Path target) throws IOException, SQLException {
        Path pgData = dataDir.resolve(EmbeddedDatabase.PG_FOLDER);
        Optional<Integer> runningPort = runningPort(pgData);
        EmbeddedDatabase started = runningPort.isPresent() ? null : EmbeddedDatabase.start(dataDir);
        int port = runningPort.orElseGet(() -> started.port());
        String password = EmbeddedDatabase.credentials(dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).getProperty(EmbeddedDatabase.SUPERUSER);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", EmbeddedDatabase.SUPERUSER, password);
             Statement s = c.createStatement()) {
            // The slot keeps every WAL segment from here on until this session ends.
            s.execute("select pg_create_physical_replication_slot('tomoni_backup_" + UUID.randomUUID().toString().replace("-", "")
                + "', true, true)");
            s.execute("select pg_backup_start('tomoni backup', true)");
            copyTree(pgData, target, SKIPPED_FILES, EMPTIED_FOLDERS);
            String label;
            String spcmap;
            try (ResultSet rs = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                rs.next();
                label = rs.getString(1);
                spcmap = rs.getString(2);
            }
            copyTree(pgData.resolve("pg_wal"), target.resolve("pg_wal"), Set.of(), Set.of());
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (spcmap != null && !spcmap.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), spcmap, StandardCharsets.UTF_8);
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
        SecretFiles.restrictFolderToOwner(target);
    }

    /** The port of a server already running on the folder (the platform), from its postmaster.pid. */
    private static Optional<Integer> runningPort(Path pgData) throws IOException {
        Path pid = pgData.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        boolean alive = !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
        return alive && lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
    }

    private static void copyTree(Path from, Path to, Set<String> skippedFiles, Set<String> emptiedFolders) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                boolean emptied = !dir.equals(from) && dir.getParent().equals(from) && emptiedFolders.contains(dir.getFileName().toString());
                return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (skippedFiles.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException goneMeanwhile) {
                    // Dropped by the running server while copying: the write-ahead log replays that.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new IllegalStateException(dir + " is not empty; give a new or empty folder");
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
