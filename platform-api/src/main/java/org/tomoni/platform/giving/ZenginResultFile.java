package org.tomoni.platform.giving;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a bank's 口座振替 result file (the request layout with 振替結果コード filled in). The whole
 * file is checked before anything is reported as valid: record lengths and order, record types,
 * numeric fields, result codes, and the trailer's counts and totals against the data. Records are
 * read as bytes (120 per record, windows-31j single-byte characters only, CRLF, LF or no line
 * breaks), never sliced as characters. A problem names the record (1-based) and the field.
 */
public final class ZenginResultFile {
    private ZenginResultFile() {
    }

    /** One debit's outcome: 0 debited, 1 insufficient funds, 2 no account, 3 stopped by depositor, 4 no mandate, 8 stopped by consignor, 9 other. */
    public record Result(int record, String customerNumber, long amount, int code) {
    }

    /**
     * Why a file was refused: the record (1-based), the field by the bank's layout ({@code record} for the record's
     * length), and the reason's code with the values its message names ({@code field.zengin_<code>}: {@code {0}} is the
     * record, then {@code args}).
     */
    public record Problem(int record, String field, String code, List<String> args) {
        public Problem {
            args = List.copyOf(args);
        }

        Problem(int record, String field, String code, Object... args) {
            this(record, field, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    /** Either every result, or the first problem. */
    public record Parsed(List<Result> results, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final String CODES = "0123489";

    public static Parsed parse(InputStream in) {
        List<Result> results = new ArrayList<>();
        Problem problem = read(in, results::add);
        return problem == null ? new Parsed(results, null) : new Parsed(List.of(), problem);
    }

    /** Streams the results to {@code sink} while checking; a non-null problem means the sink's results must be discarded. */
    public static Problem read(InputStream raw, Consumer<Result> sink) {
        try (InputStream in = new BufferedInputStream(raw)) {
            int index = 0;
            int count = 0;
            long total = 0;
            int debited = 0;
            long debitedTotal = 0;
            boolean header = false;
            boolean trailer = false;
            boolean end = false;
            boolean hasLineBreaks = false;
            byte[] buffer = new byte[ZenginDebitFile.RECORD];
            while (true) {
                int n = in.readNBytes(buffer, 0, 1);
                while (n == 1 && (buffer[0] == '\r' || buffer[0] == '\n' || buffer[0] == 0x1A)) {
                    n = in.readNBytes(buffer, 0, 1);
                }
                if (n == 0) {
                    break;
                }
                int rest = in.readNBytes(buffer, 1, ZenginDebitFile.RECORD - 1);
                index++;
                if (rest != ZenginDebitFile.RECORD - 1) {
                    return new Problem(index, "record", "truncated", rest + 1);
                }
                // Records are counted in bytes: a line break inside the 120 bytes means a record of the wrong length.
                for (int i = 0; i < ZenginDebitFile.RECORD; i++) {
                    if (buffer[i] == '\r' || buffer[i] == '\n') {
                        return new Problem(index, "record", "short_record", i);
                    }
                }
                in.mark(1);
                int next = in.read();
                if (next != -1 && next != '\r' && next != '\n' && next != 0x1A && hasLineBreaks) {
                    return new Problem(index, "record", "long_record");
                }
                if (next == '\r' || next == '\n') {
                    hasLineBreaks = true;
                }
                in.reset();
                // Every byte must be a single-byte character (JIS X 0201): ASCII or half-width katakana.
                for (int i = 0; i < ZenginDebitFile.RECORD; i++) {
                    int b = buffer[i] & 0xFF;
                    if (!(b >= 0x20 && b <= 0x7E) && !(b >= 0xA1 && b <= 0xDF)) {
                        return new Problem(index, fieldAt((char) (buffer[0] & 0xFF), i),
                            "not_single_byte", i + 1, String.format("%02X", b));
                    }
                }
                String r = new String(buffer, ZenginDebitFile.JIS);
                char type = r.charAt(0);
                if (end) {
                    return new Problem(index, "データ区分", "after_end");
                }
                switch (type) {
                    case '1' -> {
                        if (header || index != 1) {
                            return new Problem(index, "データ区分", "header_first");
                        }
                        if (!r.startsWith("191")) {
                            return new Problem(index, "種別コード", "not_debit");
                        }
                        header = true;
                    }
                    case '2' -> {
                        if (!header || trailer) {
                            return new Problem(index, "データ区分", "data_outside");
                        }
                        Long amount = number(r, 80, 90);
                        if (amount == null) {
                            return new Problem(index, "引落金額", "not_number");
                        }
                        if (number(r, 91, 111) == null) {
                            return new Problem(index, "顧客番号", "not_number");
                        }
                        char code = r.charAt(111);
                        if (CODES.indexOf(code) < 0) {
                            return new Problem(index, "振替結果コード", "unknown_code", code);
                        }
                        count++;
                        total += amount;
                        if (code == '0') {
                            debited++;
                            debitedTotal += amount;
                        }
                        sink.accept(new Result(index, r.substring(91, 111), amount, code - '0'));
                    }
                    case '8' -> {
                        if (!header || trailer) {
                            return new Problem(index, "データ区分", "trailer_order");
                        }
                        Problem p = checkTrailer(index, r, count, total, debited, debitedTotal);
                        if (p != null) {
                            return p;
                        }
                        trailer = true;
                    }
                    case '9' -> {
                        if (!trailer) {
                            return new Problem(index, "データ区分", "end_order");
                        }
                        end = true;
                    }
                    default -> {
                        return new Problem(index, "データ区分", "unknown_type", type);
                    }
                }
            }
            if (!end) {
                return new Problem(index + 1, "データ区分", header ? "no_trailer" : "empty");
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem checkTrailer(int index, String r, int count, long total, int debited, long debitedTotal) {
        Long c = number(r, 1, 7);
        Long t = number(r, 7, 19);
        Long d = number(r, 19, 25);
        Long dt = number(r, 25, 37);
        Long f = number(r, 37, 43);
        Long ft = number(r, 43, 55);
        if (c == null || c != count) {
            return new Problem(index, "合計件数", "count_differs", c == null ? "?" : c, count);
        }
        if (t == null || t != total) {
            return new Problem(index, "合計金額", "total_differs", t == null ? "?" : t, total);
        }
        if (d == null || d != debited || dt == null || dt != debitedTotal) {
            return new Problem(index, "振替済件数", "result_counts");
        }
        if (f == null || f != count - debited || ft == null || ft != total - debitedTotal) {
            return new Problem(index, "振替不能件数", "result_counts");
        }
        return null;
    }

    private static final int[] HEADER_ENDS = {1, 3, 4, 14, 54, 58, 62, 77, 80, 95, 96, 103, 120};
    private static final String[] HEADER_FIELDS = {"データ区分", "種別コード", "コード区分", "委託者コード", "委託者名", "引落日",
        "取引銀行番号", "取引銀行名", "取引支店番号", "取引支店名", "預金種目", "口座番号", "ダミー"};
    private static final int[] DATA_ENDS = {1, 5, 20, 23, 38, 42, 43, 50, 80, 90, 91, 111, 112, 120};
    private static final String[] DATA_FIELDS = {"データ区分", "引落銀行番号", "引落銀行名", "引落支店番号", "引落支店名", "ダミー",
        "預金種目", "口座番号", "預金者名", "引落金額", "新規コード", "顧客番号", "振替結果コード", "ダミー"};
    private static final int[] TRAILER_ENDS = {1, 7, 19, 25, 37, 43, 55, 120};
    private static final String[] TRAILER_FIELDS = {"データ区分", "合計件数", "合計金額", "振替済件数", "振替済金額", "振替不能件数",
        "振替不能金額", "ダミー"};

    /** The name of the field at a byte offset of a record of this type. */
    static String fieldAt(char type, int offset) {
        int[] ends;
        String[] names;
        switch (type) {
            case '1' -> {
                ends = HEADER_ENDS;
                names = HEADER_FIELDS;
            }
            case '2' -> {
                ends = DATA_ENDS;
                names = DATA_FIELDS;
            }
            case '8' -> {
                ends = TRAILER_ENDS;
                names = TRAILER_FIELDS;
            }
            default -> {
                return offset == 0 ? "データ区分" : "ダミー";
            }
        }
        for (int i = 0; i < ends.length; i++) {
            if (offset < ends[i]) {
                return names[i];
            }
        }
        return "ダミー";
    }

    private static Long number(String r, int from, int to) {
        String s = r.substring(from, to);
        return s.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(s) : null;
    }
}
