package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ZenginCodesTest {
    private static final ZenginCodes CODES = ZenginCodes.bundled();

    @Test
    void a_bank_code_typed_in_half_or_full_width_names_the_bank_with_its_zengin_kana() {
        assertThat(CODES.bank("0001")).hasValueSatisfying(b -> {
            assertThat(b.name()).isEqualTo("みずほ");
            assertThat(b.kana()).isEqualTo("ミズホ");
            assertThat(b.bankKana()).isEqualTo("ﾐｽﾞﾎ");
        });
        assertThat(CODES.bank("０００５")).hasValueSatisfying(b -> assertThat(b.bankKana()).isEqualTo("ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ"));
        assertThat(CODES.branch("0001", "001")).hasValueSatisfying(br -> assertThat(br.name()).isEqualTo("東京営業部"));
    }

    @Test
    void a_bank_is_found_by_its_name_in_kanji_hiragana_katakana_or_half_width_kana_with_or_without_its_kind() {
        assertThat(CODES.searchBanks("みずほ", 10)).first().extracting(ZenginCodes.Bank::code).isEqualTo("0001");
        assertThat(CODES.searchBanks("ミズホ", 10)).first().extracting(ZenginCodes.Bank::code).isEqualTo("0001");
        assertThat(CODES.searchBanks("みずほ銀行", 10)).first().extracting(ZenginCodes.Bank::code).isEqualTo("0001");
        assertThat(CODES.searchBanks("ゆうちょ", 10)).first().extracting(ZenginCodes.Bank::code).isEqualTo("9900");
        assertThat(CODES.searchBanks("ﾕｳﾁﾖ", 10)).first().extracting(ZenginCodes.Bank::code).isEqualTo("9900");
        assertThat(CODES.searchBanks("三菱ＵＦＪ", 10)).extracting(ZenginCodes.Bank::code).contains("0005");
        assertThat(CODES.searchBanks("00", 3)).hasSize(3).allSatisfy(b -> assertThat(b.code()).startsWith("00"));
        assertThat(CODES.searchBanks("", 10)).isEmpty();
        assertThat(CODES.searchBanks("存在しない銀行名", 10)).isEmpty();
    }

    @Test
    void a_branch_is_found_by_name_reading_or_code_within_its_bank_only() {
        assertThat(CODES.searchBranches("0001", "丸の内", 10)).extracting(ZenginCodes.Branch::code).contains("004");
        assertThat(CODES.searchBranches("0001", "まるのうち", 10)).extracting(ZenginCodes.Branch::code).contains("004", "005");
        assertThat(CODES.searchBranches("0001", "東京営業部支店", 10)).extracting(ZenginCodes.Branch::code).containsExactly("001");
        assertThat(CODES.searchBranches("0001", "00", 50)).allSatisfy(b -> assertThat(b.code()).startsWith("00"));
        assertThat(CODES.searchBranches("9900", "〇一八", 10)).extracting(ZenginCodes.Branch::code).containsExactly("018");
        assertThat(CODES.searchBranches("9999", "本店", 10)).as("a bank the table does not know").isEmpty();
    }

    @Test
    void unknown_codes_are_not_found_but_codes_of_the_wrong_format_are_invalid() {
        assertThat(CODES.bank("9998")).isEmpty();
        assertThat(CODES.branch("0001", "999")).isEmpty();
        assertThat(CODES.find("9998", null)).isEqualTo(Outcome.rejected(ErrorCode.NOT_FOUND));
        assertThat(CODES.find("12", "1")).isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.errors()).hasSize(2));
        assertThat(CODES.find("0001", "001")).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void a_configured_file_replaces_the_bundled_table(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zengin.tsv");
        Files.writeString(file, "# new table\nB\t0001\tともに\tトモニ\n001\t本店\tホンテン\n", StandardCharsets.UTF_8);
        ZenginCodes updated = ZenginCodes.of(file);
        assertThat(updated.bank("0001")).hasValueSatisfying(b -> assertThat(b.name()).isEqualTo("ともに"));
        assertThat(updated.bank("0005")).isEmpty();
        assertThat(updated.source()).isEqualTo("new table");
    }
}
