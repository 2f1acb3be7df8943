package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZenginFilesTest {
    private static final ZenginDebitFile.Consignor CONSIGNOR =
        new ZenginDebitFile.Consignor("1234567890", BankKana.convert("インクルファンド").orElseThrow(), "0005", "001", 1, "7654321");

    @Test
    void readings_become_the_half_width_kana_banks_accept() {
        assertThat(BankKana.convert("やまだ たろう")).contains("ﾔﾏﾀﾞ ﾀﾛｳ");
        assertThat(BankKana.convert("ｷｮｳｺ")).contains("ｷﾖｳｺ");
        assertThat(BankKana.convert("ヲノ・パン")).contains("ｵﾉ.ﾊﾟﾝ");
        assertThat(BankKana.convert("ｽｽﾞｷ(ｶ")).contains("ｽｽﾞｷ(ｶ");
        assertThat(BankKana.convert("山田")).isEmpty();
        assertThat(BankKana.isValid("ﾔﾏﾀﾞ ﾀﾛｳ")).isTrue();
        assertThat(BankKana.isValid("ｧ")).isFalse();
    }

    @Test
    void a_request_file_has_120_byte_records_and_a_trailer_that_adds_up() {
        byte[] file = request(List.of(debit("ﾔﾏﾀﾞ ﾀﾛｳ", 900, "00000000000000000001"), debit("ｽｽﾞｷ ﾊﾅｺ", 300, "00000000000000000002")));
        String[] lines = new String(file, ZenginDebitFile.JIS).split("\r\n");
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            assertThat(line.getBytes(ZenginDebitFile.JIS)).hasSize(120);
        }
        assertThat(lines[0]).startsWith("19101234567890ｲﾝｸﾙﾌｧﾝﾄﾞ".replace("ｧ", "ｱ")).contains("0127" + "0005");
        assertThat(lines[1].substring(80, 90)).isEqualTo("0000000900");
        assertThat(lines[3]).startsWith("8000002000000001200");
        assertThat(lines[4].trim()).isEqualTo("9");
    }

    @Test
    void a_result_file_with_mixed_codes_reads_back_every_debit() {
        byte[] result = withCodes(request(List.of(debit("ﾔﾏﾀﾞ", 900, "1"), debit("ｽｽﾞｷ", 300, "2"), debit("ｻﾄｳ", 600, "3"))), '0', '1', '3',
            "8000003000000001800000001000000000900000002000000000900");
        ZenginResultFile.Parsed parsed = ZenginResultFile.parse(new ByteArrayInputStream(result));
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.results()).extracting(ZenginResultFile.Result::code).containsExactly(0, 1, 3);
        assertThat(parsed.results().get(0).customerNumber()).isEqualTo("00000000000000000001");
    }

    @Test
    void a_refused_files_reason_reads_in_japanese_or_in_english_never_in_the_readers_code() {
        byte[] request = request(List.of(debit("ﾔﾏﾀﾞ", 900, "1"), debit("ｽｽﾞｷ", 300, "2")));
        ZenginResultFile.Problem cut = ZenginResultFile.parse(new ByteArrayInputStream(java.util.Arrays.copyOf(request, 122 + 122 + 102)))
            .problem();
        org.tomoni.platform.shared.FieldError error = org.tomoni.platform.shared.FieldError.atRow(cut.record(), cut.field(), "zengin_" + cut.code(),
            cut.record(), cut.args().get(0));
        var messages = new org.tomoni.platform.shared.Messages();
        assertThat(messages.field(error, java.util.Locale.JAPANESE)).isEqualTo(
            "レコード 3：120バイトに足りません（102バイトで終わっています）。金融機関から届いたファイルをそのまま取り込んでください。");
        assertThat(messages.field(error, java.util.Locale.ENGLISH)).isEqualTo(
            "Record 3: shorter than 120 bytes (it ends after 102 bytes). Import the file exactly as the bank sent it.");
    }

    @Test
    void malformed_truncated_or_mismatched_files_are_refused_naming_the_record_and_field() {
        byte[] request = request(List.of(debit("ﾔﾏﾀﾞ", 900, "1"), debit("ｽｽﾞｷ", 300, "2")));
        byte[] mismatched = withCodes(request, '0', '1', null, "8000002000000009999000001000000000900000001000000000300");
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(mismatched)).problem())
            .isEqualTo(new ZenginResultFile.Problem(4, "合計金額", "total_differs", List.of("9999", "1200")));
        byte[] truncated = java.util.Arrays.copyOf(request, 122 + 122 + 60);
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(truncated)).problem().field()).isEqualTo("record");
        byte[] badCode = withCodes(request, '0', '7', null, null);
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(badCode)).problem())
            .extracting(ZenginResultFile.Problem::record, ZenginResultFile.Problem::field).containsExactly(3, "振替結果コード");
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(new byte[0])).ok()).isFalse();
    }

    @Test
    void a_double_byte_character_in_a_result_record_is_refused_naming_the_record_and_field_not_a_crash() {
        byte[] result = withCodes(request(List.of(debit("ﾔﾏﾀﾞ", 900, "1"), debit("ｽｽﾞｷ", 300, "2"))), '0', '0', null,
            "8000002000000001200000002000000001200000000000000000000");
        byte[] kanji = "山田".getBytes(ZenginDebitFile.JIS);
        byte[] inName = result.clone();
        System.arraycopy(kanji, 0, inName, 122 + 50, kanji.length);
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(inName)).problem())
            .extracting(ZenginResultFile.Problem::record, ZenginResultFile.Problem::field).containsExactly(2, "預金者名");
        byte[] inAmount = result.clone();
        System.arraycopy(kanji, 0, inAmount, 2 * 122 + 82, kanji.length);
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(inAmount)).problem())
            .extracting(ZenginResultFile.Problem::record, ZenginResultFile.Problem::field).containsExactly(3, "引落金額");
    }

    @Test
    void a_record_one_byte_short_before_its_line_break_is_refused() {
        byte[] result = withCodes(request(List.of(debit("ﾔﾏﾀﾞ", 900, "1"), debit("ｽｽﾞｷ", 300, "2"))), '0', '0', null,
            "8000002000000001200000002000000001200000000000000000000");
        byte[] shorter = new byte[result.length - 1];
        System.arraycopy(result, 0, shorter, 0, 122 + 119);
        System.arraycopy(result, 122 + 120, shorter, 122 + 119, result.length - 122 - 120);
        ZenginResultFile.Problem p = ZenginResultFile.parse(new ByteArrayInputStream(shorter)).problem();
        assertThat(p).extracting(ZenginResultFile.Problem::record, ZenginResultFile.Problem::field).containsExactly(2, "record");
        byte[] longer = new byte[result.length + 1];
        System.arraycopy(result, 0, longer, 0, 122 + 120);
        longer[122 + 120] = ' ';
        System.arraycopy(result, 122 + 120, longer, 122 + 121, result.length - 122 - 120);
        assertThat(ZenginResultFile.parse(new ByteArrayInputStream(longer)).problem())
            .extracting(ZenginResultFile.Problem::record, ZenginResultFile.Problem::field).containsExactly(2, "record");
    }

    @Test
    void a_result_file_reads_alike_with_crlf_lf_or_no_line_breaks() {
        byte[] result = withCodes(request(List.of(debit("ﾔﾏﾀﾞ", 900, "1"), debit("ｽｽﾞｷ", 300, "2"))), '0', '0', null,
            "8000002000000001200000002000000001200000000000000000000");
        String crlf = new String(result, StandardCharsets.ISO_8859_1);
        for (String variant : List.of(crlf, crlf.replace("\r\n", "\n"), crlf.replace("\r\n", ""))) {
            ZenginResultFile.Parsed parsed = ZenginResultFile.parse(new ByteArrayInputStream(variant.getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(parsed.problem()).isNull();
            assertThat(parsed.results()).hasSize(2);
        }
    }

    @Test
    void names_a_bank_cannot_read_are_refused_before_writing() {
        assertThatThrownBy(() -> request(List.of(debit("山田", 900, "1")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_hundred_thousand_debits_stream_through_both_files() {
        List<ZenginDebitFile.Debit> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(debit("ﾃｽﾄ ﾀﾛｳ", 300, Integer.toString(i)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZenginDebitFile.Summary summary = ZenginDebitFile.write(out, CONSIGNOR, LocalDate.of(2027, 1, 27), many.iterator());
        assertThat(summary).isEqualTo(new ZenginDebitFile.Summary(100_000, 30_000_000));
        byte[] answer = out.toByteArray();
        byte[] allDebited = "8100000000030000000100000000030000000000000000000000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(allDebited, 0, answer, 100_001 * 122, allDebited.length);
        int[] seen = {0};
        assertThat(ZenginResultFile.read(new ByteArrayInputStream(answer), r -> seen[0]++)).isNull();
        assertThat(seen[0]).isEqualTo(100_000);
    }

    private static ZenginDebitFile.Debit debit(String holder, long amount, String customer) {
        return new ZenginDebitFile.Debit("0005", "123", 1, "1234567", holder, amount, '1', customer);
    }

    private static byte[] request(List<ZenginDebitFile.Debit> debits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZenginDebitFile.write(out, CONSIGNOR, LocalDate.of(2027, 1, 27), debits.iterator());
        return out.toByteArray();
    }

    /** The bank's answer: result codes in the data records (byte 112) and a new trailer. */
    private static byte[] withCodes(byte[] request, char first, char second, Character third, String trailerStart) {
        byte[] copy = request.clone();
        copy[122 + 111] = (byte) first;
        copy[2 * 122 + 111] = (byte) second;
        int trailerIndex = 2;
        if (third != null) {
            copy[3 * 122 + 111] = (byte) (char) third;
            trailerIndex = 3;
        }
        if (trailerStart != null) {
            byte[] t = trailerStart.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, copy, (trailerIndex + 1) * 122, t.length);
        }
        return copy;
    }
}
