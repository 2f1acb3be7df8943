package org.tomoni.platform.giving;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * Writes a 全銀協 口座振替 request file (種別コード 91): 120-byte records, header (1), data (2) × n,
 * trailer (8), end (9), each followed by CRLF, in the single-byte range of windows-31j. Records are
 * streamed, so 100,000 debits need constant memory; the trailer's count and total are computed
 * while writing.
 */
public final class ZenginDebitFile {
    static final Charset JIS = Charset.forName("windows-31j");
    static final int RECORD = 120;
    private static final byte[] CRLF = {'\r', '\n'};

    private ZenginDebitFile() {
    }

    /** The consignor (the tenant) as its bank knows it. */
    public record Consignor(String code, String bankKanaName, String bankCode, String branchCode, int accountType, String accountNumber) {
    }

    /** One debit: the donor's account, the amount and the 20-digit customer number. */
    public record Debit(String bankCode, String branchCode, int accountType, String accountNumber, String holderKana, long amount,
                        char newCode, String customerNumber) {
    }

    /** What was written, for the batch record. */
    public record Summary(int count, long total) {
    }

    public static Summary write(OutputStream out, Consignor consignor, LocalDate debitDate, Iterator<Debit> debits) {
        try {
            record(out, header(consignor, debitDate));
            int count = 0;
            long total = 0;
            while (debits.hasNext()) {
                Debit d = debits.next();
                record(out, data(d));
                count++;
                total += d.amount();
            }
            record(out, trailer(count, total, 0, 0, 0, 0));
            record(out, "9" + " ".repeat(RECORD - 1));
            return new Summary(count, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Consignor c, LocalDate date) {
        return "1" + "91" + "0" + num(c.code(), 10) + text(c.bankKanaName(), 40)
            + String.format("%02d%02d", date.getMonthValue(), date.getDayOfMonth())
            + num(c.bankCode(), 4) + text("", 15) + num(c.branchCode(), 3) + text("", 15)
            + c.accountType() + num(c.accountNumber(), 7) + text("", 17);
    }

    static String data(Debit d) {
        return "2" + num(d.bankCode(), 4) + text("", 15) + num(d.branchCode(), 3) + text("", 15) + text("", 4)
            + d.accountType() + num(d.accountNumber(), 7) + text(d.holderKana(), 30) + num(Long.toString(d.amount()), 10)
            + d.newCode() + num(d.customerNumber(), 20) + "0" + text("", 8);
    }

    static String trailer(int count, long total, int debited, long debitedTotal, int failed, long failedTotal) {
        return "8" + num(Integer.toString(count), 6) + num(Long.toString(total), 12) + num(Integer.toString(debited), 6)
            + num(Long.toString(debitedTotal), 12) + num(Integer.toString(failed), 6) + num(Long.toString(failedTotal), 12)
            + text("", 65);
    }

    private static void record(OutputStream out, String record) throws IOException {
        byte[] bytes;
        try {
            // Never a silent '?': a character windows-31j cannot hold is an error, not a replacement.
            java.nio.ByteBuffer encoded = JIS.newEncoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(record));
            bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("a Zengin record with a character windows-31j cannot hold: " + record, e);
        }
        if (bytes.length != RECORD) {
            throw new IllegalArgumentException("a Zengin record is 120 bytes, this one " + bytes.length + ": " + record);
        }
        out.write(bytes);
        out.write(CRLF);
    }

    /** N field: right-aligned, zero-padded digits. */
    static String num(String digits, int width) {
        if (digits == null || !digits.matches("\\d*") || digits.length() > width) {
            throw new IllegalArgumentException("not " + width + " digits: " + digits);
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** C field: left-aligned, space-padded, cut at the width (names longer than the field are truncated). */
    static String text(String value, int width) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && !BankKana.isValid(v)) {
            throw new IllegalArgumentException("not bank kana: " + v);
        }
        return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
    }
}
