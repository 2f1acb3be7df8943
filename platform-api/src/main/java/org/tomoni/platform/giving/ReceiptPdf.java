package org.tomoni.platform.giving;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.tomoni.platform.giving.PdfCanvas.MARGIN;
import static org.tomoni.platform.giving.PdfCanvas.RIGHT;

/**
 * A donation receipt (寄附金受領証明書) on A4, the document a donor files for the tax deduction. The
 * gifts are listed in a table that runs on to further pages, header repeated, and the issuer
 * closes the last page. The font is embedded as a subset, so the receipt prints the same anywhere
 * and stays a few dozen kilobytes although the font file is 6 MB.
 */
public final class ReceiptPdf {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final float ROW = 18;
    private static final float FIRST_TABLE_TOP = 500;
    private static final float NEXT_TABLE_TOP = 760;
    /** Rows stop here on every page, so the issuer block always fits below the last one. */
    private static final float TABLE_BOTTOM = 160;
    private static final float AMOUNT_RIGHT = 250;
    private static final float DESCRIPTION_X = 280;

    private ReceiptPdf() {
    }

    /** One gift acknowledged by the receipt. */
    public record Line(LocalDate received, long amount, String description) {
        public Line {
            Objects.requireNonNull(received, "received");
            Objects.requireNonNull(description, "description");
            if (amount <= 0) {
                throw new IllegalArgumentException("a gift is a positive amount, not " + amount);
            }
        }
    }

    /**
     * What the receipt says. certificationNumber and certificationDate are set for an organisation
     * certified for the deduction; replacesNumber is set on a reissue and names the receipt it replaces.
     * donorIsOrganization addresses the donor as an organisation (御中, not 様).
     */
    public record Receipt(String receiptNumber, LocalDate issuedOn, String title, String organizationName,
                          String organizationAddress, String certificationNumber, LocalDate certificationDate,
                          String donorName, String donorPostalCode, String donorAddress, List<Line> lines,
                          String replacesNumber, boolean donorIsOrganization) {
        /** A person's receipt. */
        public Receipt(String receiptNumber, LocalDate issuedOn, String title, String organizationName, String organizationAddress,
                       String certificationNumber, LocalDate certificationDate, String donorName, String donorPostalCode,
                       String donorAddress, List<Line> lines, String replacesNumber) {
            this(receiptNumber, issuedOn, title, organizationName, organizationAddress, certificationNumber, certificationDate, donorName,
                donorPostalCode, donorAddress, lines, replacesNumber, false);
        }

        public Receipt {
            Objects.requireNonNull(receiptNumber, "receiptNumber");
            Objects.requireNonNull(issuedOn, "issuedOn");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(organizationName, "organizationName");
            Objects.requireNonNull(organizationAddress, "organizationAddress");
            Objects.requireNonNull(donorName, "donorName");
            Objects.requireNonNull(donorAddress, "donorAddress");
            if (donorPostalCode != null && !donorPostalCode.matches("\\d{7}")) {
                throw new IllegalArgumentException("a postal code is 7 digits, not " + donorPostalCode);
            }
            if (lines == null || lines.isEmpty()) {
                throw new IllegalArgumentException("a receipt acknowledges at least one gift");
            }
            lines = List.copyOf(lines);
        }

        long total() {
            return lines.stream().mapToLong(Line::amount).reduce(0, Math::addExact);
        }
    }

    public static void write(Receipt receipt, OutputStream out) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(IpaGothic.BYTES), true);
            List<List<Line>> pages = paginate(receipt.lines());
            for (int i = 0; i < pages.size(); i++) {
                page(document, font, receipt, pages, i);
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page has room for fewer rows, below the donor and the total. */
    static List<List<Line>> paginate(List<Line> lines) {
        List<List<Line>> pages = new ArrayList<>();
        int from = 0;
        int capacity = rowsBelow(FIRST_TABLE_TOP);
        do {
            int to = Math.min(lines.size(), from + capacity);
            pages.add(lines.subList(from, to));
            from = to;
            capacity = rowsBelow(NEXT_TABLE_TOP);
        } while (from < lines.size());
        return pages;
    }

    private static int rowsBelow(float tableTop) {
        return (int) ((tableTop - TABLE_BOTTOM) / ROW);
    }

    private static void page(PDDocument document, PDFont font, Receipt receipt, List<List<Line>> pages, int index) throws IOException {
        PDPage page = new PDPage(PdfCanvas.PAGE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            PdfCanvas canvas = new PdfCanvas(content, font);
            float tableTop = index == 0 ? firstPageHead(canvas, receipt) : nextPageHead(canvas, receipt);
            table(canvas, tableTop, pages.get(index));
            if (index == pages.size() - 1) {
                issuer(canvas, receipt);
            }
            canvas.centered(36, 9, (index + 1) + " / " + pages.size());
        }
    }

    private static float firstPageHead(PdfCanvas canvas, Receipt receipt) throws IOException {
        canvas.right(RIGHT, 800, 10, "No. " + receipt.receiptNumber());
        canvas.right(RIGHT, 786, 10, "発行日 " + date(receipt.issuedOn()));
        if (receipt.replacesNumber() != null) {
            canvas.right(RIGHT, 772, 10, "再発行（旧番号 " + receipt.replacesNumber() + "）");
        }
        canvas.centered(730, 24, receipt.title());
        donor(canvas, receipt);
        canvas.text(MARGIN, 595, 11, "下記の金額を寄附金として受領いたしました。");
        canvas.centered(555, 22, "金 " + yen(receipt.total()) + " 円");
        canvas.rule(180, 547, PdfCanvas.PAGE.getWidth() - 180, 1);
        return FIRST_TABLE_TOP;
    }

    private static float nextPageHead(PdfCanvas canvas, Receipt receipt) throws IOException {
        canvas.text(MARGIN, 800, 12, receipt.title() + "（続き）");
        canvas.right(RIGHT, 800, 10, "No. " + receipt.receiptNumber());
        return NEXT_TABLE_TOP;
    }

    private static void donor(PdfCanvas canvas, Receipt receipt) throws IOException {
        String postal = receipt.donorPostalCode();
        if (postal != null) {
            canvas.text(MARGIN, 680, 11, "〒" + postal.substring(0, 3) + "-" + postal.substring(3));
        }
        canvas.shrunk(MARGIN, 664, 11, 320, receipt.donorAddress());
        canvas.shrunk(MARGIN, 640, 15, 300, receipt.donorName() + (receipt.donorIsOrganization() ? " 御中" : " 様"));
        canvas.rule(MARGIN, 634, MARGIN + 300, 0.75f);
    }

    private static void table(PdfCanvas canvas, float top, List<Line> lines) throws IOException {
        canvas.text(MARGIN, top, 10, "受領日");
        canvas.right(AMOUNT_RIGHT, top, 10, "金額");
        canvas.text(DESCRIPTION_X, top, 10, "摘要");
        canvas.rule(MARGIN, top - 5, RIGHT, 0.75f);
        float y = top - ROW;
        for (Line line : lines) {
            canvas.text(MARGIN, y, 10, date(line.received()));
            canvas.right(AMOUNT_RIGHT, y, 10, yen(line.amount()) + "円");
            canvas.cut(DESCRIPTION_X, y, 10, RIGHT - DESCRIPTION_X, line.description());
            y -= ROW;
        }
        canvas.rule(MARGIN, y + ROW - 5, RIGHT, 0.5f);
    }

    private static void issuer(PdfCanvas canvas, Receipt receipt) throws IOException {
        float x = 300;
        canvas.shrunk(x, 130, 12, RIGHT - x, receipt.organizationName());
        canvas.shrunk(x, 114, 10, RIGHT - x, receipt.organizationAddress());
        if (receipt.certificationNumber() != null) {
            String date = receipt.certificationDate() == null ? "" : "　認定日 " + date(receipt.certificationDate());
            canvas.shrunk(x, 98, 10, RIGHT - x, "認定番号 " + receipt.certificationNumber() + date);
        }
    }

    static String yen(long amount) {
        return String.format(Locale.JAPAN, "%,d", amount);
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** Read on first use and kept: the file is 6 MB and every receipt embeds a subset of it. */
    private static final class IpaGothic {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = ReceiptPdf.class.getResourceAsStream("/fonts/ipag.ttf")) {
                if (in == null) {
                    throw new IllegalStateException("/fonts/ipag.ttf is not on the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
