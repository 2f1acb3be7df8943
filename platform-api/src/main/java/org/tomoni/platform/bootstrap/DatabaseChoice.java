package org.tomoni.platform.bootstrap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DB_URL and its logins when given; otherwise the embedded server in the data folder. */
record DatabaseChoice(DatabaseLogins logins, Optional<EmbeddedDatabase> embedded) {

    static DatabaseChoice fromEnvironment(Map<String, String> env, Path dataDir) {
        String url = blankToNull(env.get("DB_URL"));
        if (url == null) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir);
            return new DatabaseChoice(embedded.logins(), Optional.of(embedded));
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("DB_OWNER_USER", "DB_OWNER_PASSWORD", "DB_APP_USER", "DB_APP_PASSWORD")) {
            if (blankToNull(env.get(name)) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("DB_URL is set, so these must be set too: " + String.join(", ", missing));
        }
        return new DatabaseChoice(new DatabaseLogins(url, env.get("DB_OWNER_USER"), env.get("DB_OWNER_PASSWORD"),
            env.get("DB_APP_USER"), env.get("DB_APP_PASSWORD")), Optional.empty());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
