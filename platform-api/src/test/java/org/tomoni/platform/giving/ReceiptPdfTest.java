package org.tomoni.platform.giving;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptPdfTest {
    private static final List<ReceiptPdf.Line> TWO_GIFTS = List.of(
        new ReceiptPdf.Line(LocalDate.of(2026, 4, 27), 10_000, "月額寄附 4月分"),
        new ReceiptPdf.Line(LocalDate.of(2026, 12, 25), 2_345, "年末募金"));

    @Test
    void a_receipt_prints_title_donor_total_number_certification_and_each_gift() throws IOException {
        String text = text(render(receipt(TWO_GIFTS, "阪市社第123号", null)));
        assertThat(text).contains("寄附金受領証明書", "山田 太郎", "様", "金 12,345 円", "R-2026-000123", "2027年1月15日",
            "〒123-4567", "大阪市北区梅田1-2-3", "下記の金額を寄附金として受領いたしました。",
            "2026年4月27日", "10,000円", "2,345円", "年末募金",
            "NPO法人ともに", "認定番号 阪市社第123号", "認定日 2024年4月1日");
        assertThat(text).doesNotContain("再発行");
    }

    @Test
    void the_font_is_embedded_as_a_subset_so_the_file_stays_small() throws IOException {
        byte[] pdf = render(receipt(TWO_GIFTS, "阪市社第123号", null));
        assertThat(pdf.length).isLessThan(1_000_000);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).hasSize(1).first().isInstanceOf(PDType0Font.class);
            PDType0Font font = (PDType0Font) fonts.get(0);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getFontDescriptor().getFontFile2()).isNotNull();
            // A subset font is named with a six-letter tag, e.g. ABCDEF+IPAGothic.
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
        }
    }

    @Test
    void a_hundred_gifts_run_onto_further_pages_with_the_header_repeated_and_every_amount_printed() throws IOException {
        List<ReceiptPdf.Line> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(new ReceiptPdf.Line(LocalDate.of(2026, 1, 1).plusDays(i), 1_000 + i, "寄附 " + (i + 1) + "回目"));
        }
        byte[] pdf = render(receipt(lines, "阪市社第123号", null));
        assertThat(pdf.length).isLessThan(1_000_000);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            for (int i = 0; i < 100; i++) {
                assertThat(text).contains(ReceiptPdf.yen(1_000 + i) + "円", "寄附 " + (i + 1) + "回目");
            }
            assertThat(text).contains("金 104,950 円");
            assertThat(text.split("受領日", -1)).hasSize(pages + 1);
            assertThat(text).contains("寄附金受領証明書（続き）", pages + " / " + pages);
        }
    }

    @Test
    void a_receipt_from_an_uncertified_organisation_prints_no_certification() throws IOException {
        String text = text(render(receipt(TWO_GIFTS, null, null)));
        assertThat(text).contains("NPO法人ともに").doesNotContain("認定番号", "認定日");
    }

    @Test
    void a_reissue_says_so_and_names_the_number_it_replaces() throws IOException {
        String text = text(render(receipt(TWO_GIFTS, "阪市社第123号", "R-2026-000045")));
        assertThat(text).contains("再発行", "旧番号 R-2026-000045", "R-2026-000123");
    }

    @Test
    void a_character_the_font_lacks_prints_as_a_geta_mark_instead_of_failing() throws IOException {
        List<ReceiptPdf.Line> lines = List.of(new ReceiptPdf.Line(LocalDate.of(2026, 5, 1), 500, "お礼 \uD83D\uDE00\nありがとう"));
        String text = text(render(receipt(lines, null, null)));
        assertThat(text).contains("お礼 〓 ありがとう");
    }

    @Test
    void a_receipt_without_gifts_or_with_a_malformed_postal_code_is_refused() {
        assertThatThrownBy(() -> receipt(List.of(), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceiptPdf.Receipt("R-1", LocalDate.of(2027, 1, 15), "寄附金受領証明書", "NPO法人ともに",
            "東京都", null, null, "山田 太郎", "123-45", "大阪市", TWO_GIFTS, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ReceiptPdf.Receipt receipt(List<ReceiptPdf.Line> lines, String certificationNumber, String replacesNumber) {
        return new ReceiptPdf.Receipt("R-2026-000123", LocalDate.of(2027, 1, 15), "寄附金受領証明書", "NPO法人ともに",
            "東京都千代田区千代田1-1", certificationNumber, certificationNumber == null ? null : LocalDate.of(2024, 4, 1),
            "山田 太郎", "1234567", "大阪市北区梅田1-2-3", lines, replacesNumber);
    }

    private static byte[] render(ReceiptPdf.Receipt receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReceiptPdf.write(receipt, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
