package org.tomoni.platform.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        void write(Printer printer) throws IOException;
    }

    /**
     * Prints records; in windows-31j every cell is checked first: a character the encoding cannot hold
     * (〜 U+301C, − U+2212, 𠮷 …), or one it would read back as another, stops the export, naming the row and column.
     */
    public static final class Printer {
        private final CSVPrinter out;
        private final List<String> header;
        private final boolean check;
        private int row = 1;

        private Printer(CSVPrinter out, List<String> header, boolean check) {
            this.out = out;
            this.header = header;
            this.check = check;
        }

        public void printRecord(Iterable<?> values) throws IOException {
            int column = 0;
            if (check) {
                for (Object v : values) {
                    if (v != null && !fitsWindows31j(v.toString())) {
                        throw new Unencodable(row, column < header.size() ? header.get(column) : "column " + (column + 1));
                    }
                    column++;
                }
            }
            out.printRecord(values);
            row++;
        }

        public void printRecord(Object... values) throws IOException {
            printRecord(Arrays.asList(values));
        }
    }

    /** A cell windows-31j cannot carry through unchanged: row (the header is row 1) and column header. */
    static final class Unencodable extends RuntimeException {
        final int row;
        final String field;

        Unencodable(int row, String field) {
            super("row " + row + ", " + field + ": not representable in windows-31j", null, false, false);
            this.row = row;
            this.field = field;
        }
    }

    /** True when the text survives windows-31j both ways unchanged (nothing unmappable, nothing mapped to a look-alike). */
    public static boolean fitsWindows31j(String text) {
        if (text.chars().allMatch(c -> c < 0x80 && c != 0x5C && c != 0x7E)) {
            return true;
        }
        try {
            ByteBuffer bytes = WINDOWS_31J.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            return WINDOWS_31J.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes).toString().equals(text);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The export as an outcome: the bytes, or (windows-31j only) a 422 naming the first row and column holding a
     * character that encoding cannot carry, with a message offering UTF-8 with BOM. Nothing is ever replaced silently.
     */
    public static Outcome<byte[]> export(Encoding encoding, List<String> header, Rows rows) {
        try {
            return Outcome.ok(write(encoding, header, rows));
        } catch (Unencodable e) {
            return new Outcome.Rejected<>(ErrorCode.UNENCODABLE_EXPORT, List.of(FieldError.atRow(e.row, e.field, "unencodable")));
        }
    }

    /**
     * As {@link #export}, into a temporary file rather than memory, for a list that can be large (the audit log): the
     * rows go from the database cursor to the file as they are read, and the file is streamed to the client.
     */
    public static Outcome<CsvFile> exportFile(Encoding encoding, List<String> header, Rows rows) {
        Path file;
        try {
            file = Files.createTempFile("export-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean kept = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, encoding, header, rows);
            kept = true;
        } catch (Unencodable e) {
            return new Outcome.Rejected<>(ErrorCode.UNENCODABLE_EXPORT, List.of(FieldError.atRow(e.row, e.field, "unencodable")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                CsvFile.deleteQuietly(file);
            }
        }
        try {
            return Outcome.ok(new CsvFile(file, Files.size(file)));
        } catch (IOException e) {
            CsvFile.deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    /** An export written to a temporary file: {@link #open()} streams it once and deletes it when closed. */
    public record CsvFile(Path path, long length) {
        public InputStream open() {
            try {
                return new FilterInputStream(Files.newInputStream(path)) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            deleteQuietly(path);
                        }
                    }
                };
            } catch (IOException e) {
                deleteQuietly(path);
                throw new UncheckedIOException(e);
            }
        }

        /** Drops the file unread. */
        public void delete() {
            deleteQuietly(path);
        }

        static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up
            }
        }
    }

    /** The bytes; throws {@link Unencodable} (use {@link #export}) when windows-31j cannot hold a cell. */
    static byte[] write(Encoding encoding, List<String> header, Rows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, encoding, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(OutputStream out, Encoding encoding, List<String> header, Rows rows) throws IOException {
        if (encoding == Encoding.UTF_8_BOM) {
            out.write(BOM);
        }
        Charset charset = encoding == Encoding.UTF_8_BOM ? StandardCharsets.UTF_8 : WINDOWS_31J;
        try (Writer w = new OutputStreamWriter(out, charset); CSVPrinter printer = new CSVPrinter(w, FORMAT)) {
            Printer p = new Printer(printer, header, encoding == Encoding.WINDOWS_31J);
            p.printRecord(header);
            rows.write(p);
        }
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
