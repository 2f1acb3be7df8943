package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @Test
    void control_characters_are_refused_except_tab_and_line_breaks_in_multi_line_fields() {
        assertThat(TextRules.check("familyName", "山\u0000田")).contains("control_character");
        assertThat(TextRules.check("familyName", "山\n田")).contains("control_character");
        assertThat(TextRules.check("notes", "一\r\n二\t三")).isEmpty();
        assertThat(TextRules.check("notes", "\u0000")).contains("control_character");
        assertThat(TextRules.check("city", "\u0085")).contains("control_character");
        assertThat(TextRules.check("city", "新宿1－2－3 ①号～ ㈱ 髙 𠮷")).isEmpty();
    }

    @Test
    void lone_surrogates_are_refused_and_pairs_count_as_one_character() {
        assertThat(TextRules.check("city", "a\ud800")).contains("lone_surrogate");
        assertThat(TextRules.check("city", "\udc00a")).contains("lone_surrogate");
        assertThat(TextRules.check("familyName", "𠮷".repeat(TextRules.NAME))).isEmpty();
        assertThat(TextRules.check("familyName", "𠮷".repeat(TextRules.NAME + 1))).contains("too_long");
    }

    @Test
    void each_field_has_its_documented_limit() {
        assertThat(TextRules.limitFor("familyName")).isEqualTo(100);
        assertThat(TextRules.limitFor("donor.givenName")).isEqualTo(100);
        assertThat(TextRules.limitFor("addressLine1")).isEqualTo(200);
        assertThat(TextRules.limitFor("anythingElse")).isEqualTo(200);
        assertThat(TextRules.limitFor("email")).isEqualTo(254);
        assertThat(TextRules.limitFor("notes")).isEqualTo(4000);
    }

    @Test
    void dates_and_months_must_lie_between_1900_and_2100() {
        assertThat(TextRules.checkDate("2026-11-23")).isEmpty();
        assertThat(TextRules.checkDate("2026/11/23")).isEmpty();
        assertThat(TextRules.checkDate("")).isEmpty();
        assertThat(TextRules.checkDate("0001-01-01")).contains("date_range");
        assertThat(TextRules.checkDate("9999-12-31")).contains("date_range");
        assertThat(TextRules.checkDate("+10000-01-01")).contains("date");
        assertThat(TextRules.checkDate("2026-02-30")).contains("date");
        assertThat(TextRules.checkMonth("2027-01")).isEmpty();
        assertThat(TextRules.checkMonth("+10000-01")).contains("month");
        assertThat(TextRules.checkMonth("2101-01")).contains("date_range");
    }
}
