package org.tomoni.platform.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * CSV as a Japanese office opens it in Excel: UTF-8 with a BOM, or windows-31j (not Shift_JIS,
 * which cannot encode ～ － ① 髙). Cells that Excel would run as formulas are defused. Reading
 * accepts either encoding: a BOM or valid UTF-8 means UTF-8, anything else windows-31j.
 */
public final class ExcelCsv {
    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").build();

    private ExcelCsv() {
    }

    /** The encodings an export can be asked for. */
    public enum Encoding {
        UTF_8_BOM("utf-8-bom"), WINDOWS_31J("windows-31j");

        private final String code;

        Encoding(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Encoding> fromCode(String code) {
            if (code == null || code.isBlank()) {
                return Optional.of(UTF_8_BOM);
            }
            for (Encoding e : values()) {
                if (e.code.equalsIgnoreCase(code.strip()) || ("shift_jis".equalsIgnoreCase(code.strip()) && e == WINDOWS_31J)
                    || ("sjis".equalsIgnoreCase(code.strip()) && e == WINDOWS_31J)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        public String contentType() {
            return this == UTF_8_BOM ? "text/csv; charset=UTF-8" : "text/csv; charset=windows-31j";
        }
    }

    /** Writes rows to CSV bytes in the chosen encoding. */
    public interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    public static byte[] write(Encoding encoding, List<String> header, Rows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (encoding == Encoding.UTF_8_BOM) {
                out.write(BOM);
            }
            Charset charset = encoding == Encoding.UTF_8_BOM ? StandardCharsets.UTF_8 : WINDOWS_31J;
            try (Writer w = new OutputStreamWriter(out, charset); CSVPrinter printer = new CSVPrinter(w, FORMAT)) {
                printer.printRecord(header);
                rows.write(printer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell safe to open in Excel: a leading = + - @ (or tab/CR) would start a formula, so it gets a quote mark. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            return "'" + s;
        }
        return s;
    }

    /** Decodes uploaded bytes: BOM or valid UTF-8 → UTF-8, otherwise windows-31j. */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_31J);
        }
    }

    /** A cell as read back: the quote mark of a defused formula is dropped. */
    public static String uncell(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
