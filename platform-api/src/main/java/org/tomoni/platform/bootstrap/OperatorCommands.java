package org.tomoni.platform.bootstrap;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The operator's commands of both jars: {@code backup DIR}, {@code restore DIR} and
 * {@code rotate-keys}. They take the same environment as the platform (PLATFORM_DATA_DIR, DB_URL, key files).
 */
public final class OperatorCommands {
    private static final Set<String> COMMANDS = Set.of("backup", "restore", "rotate-keys");

    private OperatorCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; 0 on success, 1 on a failure already explained on {@code err}, 2 on bad usage. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path dataDir = Path.of(env.getOrDefault("PLATFORM_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Clock clock = Clock.systemUTC();
        try {
            switch (args[0]) {
                case "backup", "restore" -> {
                    if (args.length != 2) {
                        err.println("usage: " + args[0] + " DIR");
                        return 2;
                    }
                    Backups backups = new Backups(env, dataDir, out, clock);
                    Path dir = Path.of(args[1]).toAbsolutePath().normalize();
                    if (args[0].equals("backup")) {
                        backups.backup(dir);
                    } else {
                        backups.restore(dir);
                    }
                }
                case "rotate-keys" -> new KeyRotation(env, dataDir, out, clock).run();
                default -> {
                    return 2;
                }
            }
            return 0;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }
}
