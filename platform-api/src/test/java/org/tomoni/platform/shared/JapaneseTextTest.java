package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseTextTest {

    @Test
    void readings_in_hiragana_half_width_or_full_width_become_full_width_katakana() {
        assertThat(JapaneseText.toKatakana("やまだ")).isEqualTo("ヤマダ");
        assertThat(JapaneseText.toKatakana("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダ タロウ");
        assertThat(JapaneseText.toKatakana("　ゔぁいおりん　")).isEqualTo("ヴァイオリン");
        assertThat(JapaneseText.isKatakanaReading("ヤマダ タロウ")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("ヤマダ・ジョーンズ")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("山田")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("Yamada")).isFalse();
    }

    @Test
    void phones_and_postal_codes_are_shown_with_hyphens_by_the_japanese_rules_whatever_was_typed() {
        assertThat(JapaneseText.formatPhone("0452223333")).isEqualTo("045-222-3333");
        assertThat(JapaneseText.formatPhone("09012345678")).isEqualTo("090-1234-5678");
        assertThat(JapaneseText.formatPhone("08012345678")).isEqualTo("080-1234-5678");
        assertThat(JapaneseText.formatPhone("07012345678")).isEqualTo("070-1234-5678");
        assertThat(JapaneseText.formatPhone("05012345678")).as("IP phone").isEqualTo("050-1234-5678");
        assertThat(JapaneseText.formatPhone("0312345678")).as("Tokyo").isEqualTo("03-1234-5678");
        assertThat(JapaneseText.formatPhone("0612345678")).as("Osaka").isEqualTo("06-1234-5678");
        assertThat(JapaneseText.formatPhone("0120123456")).as("free dial").isEqualTo("0120-123-456");
        assertThat(JapaneseText.formatPhone("08001234567")).as("free dial 0800").isEqualTo("0800-123-4567");
        assertThat(JapaneseText.formatPhone("0570123456")).as("navi dial").isEqualTo("0570-123-456");
        assertThat(JapaneseText.formatPhone("０４５−２２２−３３３３")).as("typed full-width with hyphens").isEqualTo("045-222-3333");
        assertThat(JapaneseText.formatPhone("12345")).as("not a phone number: as typed").isEqualTo("12345");
        assertThat(JapaneseText.formatPhone(null)).isNull();
        assertThat(JapaneseText.formatPostalCode("2200011")).isEqualTo("220-0011");
        assertThat(JapaneseText.displayPostalCode("2200011")).isEqualTo("〒220-0011");
        assertThat(JapaneseText.displayPostalCode("〒220-0011")).isEqualTo("〒220-0011");
        assertThat(JapaneseText.displayPostalCode("２２０００１１")).isEqualTo("〒220-0011");
        assertThat(JapaneseText.displayPostalCode("12")).isEqualTo("12");
        assertThat(JapaneseText.displayPostalCode(null)).isNull();
    }

    @Test
    void phone_and_postal_input_with_full_width_digits_and_hyphens_becomes_digits() {
        assertThat(JapaneseText.digits("０９０－１２３４－５６７８")).isEqualTo("09012345678");
        assertThat(JapaneseText.digits("(03) 1234 5678")).isEqualTo("0312345678");
        assertThat(JapaneseText.digits("03-abcd")).isNull();
    }

    @Test
    void the_sort_key_orders_readings_in_gojuon_order_with_voiced_and_long_vowels_beside_their_base() {
        List<String[]> names = List.of(
            new String[] {"ワタナベ", "タロウ"}, new String[] {"アンドウ", "ケン"}, new String[] {"カトウ", "ユミ"},
            new String[] {"ガトウ", "ユミ"}, new String[] {"カトウ", "アイ"}, new String[] {"コーノ", "ミキ"},
            new String[] {"コウノ", "マキ"}, new String[] {"サトウ", "ヒカリ"});
        List<String[]> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparing((String[] n) -> JapaneseText.sortKey(n[0], n[1])));
        assertThat(sorted).extracting(n -> n[0] + " " + n[1]).containsExactly(
            "アンドウ ケン", "カトウ アイ", "カトウ ユミ", "ガトウ ユミ", "コウノ マキ", "コーノ ミキ", "サトウ ヒカリ", "ワタナベ タロウ");
    }

    @Test
    void the_search_form_of_a_query_matches_the_search_form_of_stored_text() {
        assertThat(JapaneseText.searchForm("ﾔﾏﾀﾞ")).isEqualTo(JapaneseText.searchForm("やまだ")).isEqualTo("ヤマダ");
        assertThat(JapaneseText.searchForm("Taro@Example.JP")).isEqualTo("taro@example.jp");
        assertThat(JapaneseText.searchForm("山田 太郎")).isEqualTo("山田太郎");
    }

    @Test
    void prefectures_are_accepted_by_name_or_jis_code() {
        assertThat(Prefectures.resolve("13")).contains("東京都");
        assertThat(Prefectures.resolve("01")).contains("北海道");
        assertThat(Prefectures.resolve("沖縄県")).contains("沖縄県");
        assertThat(Prefectures.resolve("48")).isEmpty();
        assertThat(Prefectures.resolve("東京")).isEmpty();
        assertThat(Prefectures.NAMES).hasSize(47);
    }

    @Test
    void if_match_accepts_strong_weak_and_bare_versions() {
        assertThat(IfMatchBinder.version("\"3\"")).hasValue(3);
        assertThat(IfMatchBinder.version("W/\"4\"")).hasValue(4);
        assertThat(IfMatchBinder.version("5")).hasValue(5);
        assertThat(IfMatchBinder.version("*")).isEmpty();
        assertThat(IfMatchBinder.version(null)).isEmpty();
    }
}
