package org.tomoni.platform.giving;

import org.jooq.Table;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The codes a status CHECK constraint lists, read from the generated table (which carries the catalog's checks). */
final class StatusChecks {
    private StatusChecks() {
    }

    static Set<String> allowedCodes(Table<?> table, String check) {
        String condition = table.getChecks().stream().filter(c -> c.getName().equals(check)).findFirst()
            .orElseThrow(() -> new AssertionError(table.getName() + " has no check " + check)).condition().toString();
        Matcher m = Pattern.compile("'([a-z_]+)'").matcher(condition);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
