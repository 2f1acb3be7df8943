package org.tomoni.platform.audit;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.GiftStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action code and record type written to the audit trails is in {@link AuditActions}, so the screens have a label
 * for it: read from the sources, the string literals of each call that writes an entry (and of the user changes, which
 * pass their code on; the record type is the first plain literal of an entry's call). A code built from a prefix is expanded with the values it is built from.
 */
class AuditActionsTest {
    private static final Path SOURCES = Path.of("src/main/java/org/tomoni/platform");
    private static final Pattern CALL = Pattern.compile("(?:audit\\.record(?:Anonymous)?|\\bchange)\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern ACTION = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final Pattern PREFIX = Pattern.compile("[a-z_]+\\.");
    private static final Pattern TYPE = Pattern.compile("[a-z_]+");
    /** Codes built at run time: the prefix and what completes it. */
    private static final Map<String, List<String>> BUILT = Map.of(
        "recurring_gift.", Arrays.stream(GiftStatus.Action.values()).map(GiftStatus.Action::code).toList());

    @Test
    void every_action_code_and_record_type_written_anywhere_is_in_the_catalog() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        Set<String> unknownPrefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (!text.contains("AuditTrail") || file.endsWith("AuditTrail.java")) {
                    continue;
                }
                Matcher call = CALL.matcher(text);
                while (call.find()) {
                    // The record type is the first plain literal of an entry's call (a user change's lambda holds field names).
                    boolean typeToCome = call.group().startsWith("audit.");
                    Matcher literal = LITERAL.matcher(call.group(1));
                    while (literal.find()) {
                        String value = literal.group(1);
                        if (ACTION.matcher(value).matches()) {
                            actions.add(value);
                        } else if (PREFIX.matcher(value).matches()) {
                            if (BUILT.containsKey(value)) {
                                BUILT.get(value).forEach(rest -> actions.add(value + rest));
                            } else {
                                unknownPrefixes.add(file.getFileName() + ": " + value);
                            }
                        } else if (typeToCome && TYPE.matcher(value).matches()) {
                            types.add(value);
                            typeToCome = false;
                        }
                    }
                }
            }
        }
        assertThat(actions).as("the codes found in the sources").contains("person.create", "auth.login", "user.change_role",
            "recurring_gift.pause", "gift_plan.unpublish", "audit_log.export");
        assertThat(unknownPrefixes).as("codes built from a prefix this test cannot complete (add it to BUILT)").isEmpty();
        assertThat(AuditActions.CODES).as("AuditActions.CODES").containsAll(actions);
        assertThat(types).as("the record types found").contains("person", "user", "tenant");
        assertThat(AuditActions.TARGET_TYPES).as("AuditActions.TARGET_TYPES").containsAll(types);
        assertThat(AuditActions.CODES).doesNotHaveDuplicates();
        assertThat(AuditActions.TARGET_TYPES).doesNotHaveDuplicates();
    }
}
