package org.tomoni.platform.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailerTest {
    @Test
    void logs_show_a_recipient_masked() {
        assertThat(Mailer.masked("hanako.yamada@example.jp")).isEqualTo("h***@example.jp").doesNotContain("yamada");
        assertThat(Mailer.masked("no-at-sign")).isEqualTo("***");
        assertThat(Mailer.masked(null)).isEmpty();
    }
}
