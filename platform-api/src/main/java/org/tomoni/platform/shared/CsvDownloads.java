package org.tomoni.platform.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A CSV export in the encoding asked for, as a download with a Japanese file name. */
public final class CsvDownloads {
    private CsvDownloads() {
    }

    /** {@code encodingCode}: utf-8-bom (the default when absent) or windows-31j; anything else is a field error. */
    public static Outcome<Download> export(String encodingCode, String asciiName, String japaneseName,
                                           Function<ExcelCsv.Encoding, Outcome<byte[]>> export) {
        Optional<ExcelCsv.Encoding> encoding = ExcelCsv.Encoding.fromCode(encodingCode);
        if (encoding.isEmpty()) {
            return Outcome.invalid(List.of(FieldError.of("encoding", "encoding")));
        }
        String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
            + URLEncoder.encode(japaneseName, StandardCharsets.UTF_8).replace("+", "%20");
        return export.apply(encoding.get()).map(bytes -> Download.bytes(bytes, encoding.get().contentType(), disposition));
    }

    /** As {@link #export}, for an export written to a temporary file ({@link ExcelCsv#exportFile}): streamed, never held in memory. */
    public static Outcome<Download> streamed(String encodingCode, String asciiName, String japaneseName,
                                             Function<ExcelCsv.Encoding, Outcome<ExcelCsv.CsvFile>> export) {
        Optional<ExcelCsv.Encoding> encoding = ExcelCsv.Encoding.fromCode(encodingCode);
        if (encoding.isEmpty()) {
            return Outcome.invalid(List.of(FieldError.of("encoding", "encoding")));
        }
        return export.apply(encoding.get()).map(file -> Download.stream(file.open(), file.length(), encoding.get().contentType(),
            disposition(asciiName, japaneseName)));
    }

    private static String disposition(String asciiName, String japaneseName) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
            + URLEncoder.encode(japaneseName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
