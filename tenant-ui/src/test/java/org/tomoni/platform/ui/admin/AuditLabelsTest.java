package org.tomoni.platform.ui.admin;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.audit.AuditActions;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action code and record type the platform writes ({@link AuditActions}, which {@code AuditActionsTest} holds to
 * the sources) has a label in the Japanese, default and English bundles; a code without one reads as a generic label.
 */
class AuditLabelsTest {
    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(AuditLabelsTest.class.getResourceAsStream("/ui/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void every_action_code_and_record_type_written_anywhere_has_a_label_in_both_languages() throws IOException {
        for (String name : List.of("messages_ja.properties", "messages.properties", "messages_en.properties")) {
            Properties p = bundle(name);
            List<String> missing = new ArrayList<>();
            AuditActions.CODES.forEach(c -> {
                if (p.getProperty("audit.action." + c, "").isBlank()) {
                    missing.add("audit.action." + c);
                }
            });
            AuditActions.TARGET_TYPES.forEach(type -> {
                if (p.getProperty("audit.target." + type, "").isBlank()) {
                    missing.add("audit.target." + type);
                }
            });
            for (String outcome : List.of("success", "failure", "denied")) {
                if (p.getProperty("audit.outcome." + outcome, "").isBlank()) {
                    missing.add("audit.outcome." + outcome);
                }
            }
            assertThat(missing).as("labels missing from %s", name).isEmpty();
        }
        Properties en = bundle("messages_en.properties");
        AuditActions.CODES.forEach(c -> assertThat(en.getProperty("audit.action." + c)).as(c).doesNotContainPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]"));
    }

    @Test
    void an_unknown_code_reads_as_a_generic_label_and_never_as_the_code() throws IOException {
        Properties ja = bundle("messages_ja.properties");
        Function<String, String> translate = key -> ja.getProperty(key, "!" + key);
        assertThat(AuditLabels.action("person.create", translate)).isEqualTo("会員の登録");
        assertThat(AuditLabels.action("something.new_in_a_later_build", translate)).isEqualTo("その他の操作");
        assertThat(AuditLabels.target("widget", translate)).isEqualTo("その他の記録");
        assertThat(AuditLabels.outcome("success", translate)).isEqualTo("成功");
        assertThat(AuditLabels.size("3 rows", translate)).isEqualTo("3件");
        assertThat(AuditLabels.size("01900000-0000-7000-8000-000000000000", translate)).isEmpty();
    }
}
