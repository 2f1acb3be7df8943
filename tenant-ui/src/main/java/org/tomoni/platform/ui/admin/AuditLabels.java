package org.tomoni.platform.ui.admin;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry in words: its action and record type as labelled in the message bundles ({@code audit.action.<code>},
 * {@code audit.target.<type>}), never the raw code; a code without a label (one written by an older or newer build) reads
 * as a generic "other operation" ({@code AuditLabelsTest} checks that every code the platform writes has its label).
 */
public final class AuditLabels {
    private static final Pattern ROWS = Pattern.compile("(\\d+) rows");

    private AuditLabels() {
    }

    public static String action(String code, Function<String, String> translate) {
        return labelled("audit.action." + code, "audit.action.unknown", translate);
    }

    public static String target(String type, Function<String, String> translate) {
        if (type == null || type.isBlank()) {
            return "";
        }
        return labelled("audit.target." + type, "audit.target.unknown", translate);
    }

    public static String outcome(String outcome, Function<String, String> translate) {
        return labelled("audit.outcome." + outcome, "audit.outcome.unknown", translate);
    }

    /** What an export's or import's entry says of its size ("3 rows"), in words; empty for a record's id. */
    public static String size(String targetId, Function<String, String> translate) {
        Matcher rows = targetId == null ? null : ROWS.matcher(targetId);
        return rows != null && rows.matches() ? translate.apply("audit.rows").replace("{0}", rows.group(1)) : "";
    }

    private static String labelled(String key, String fallback, Function<String, String> translate) {
        String text = translate.apply(key);
        return text == null || text.startsWith("!") ? translate.apply(fallback) : text;
    }
}
