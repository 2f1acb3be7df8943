package org.tomoni.platform.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Answers a CSV export in the encoding asked for, as a download with a Japanese file name. */
@Singleton
public class CsvResponses {
    private final Problems problems;

    CsvResponses(Problems problems) {
        this.problems = problems;
    }

    public HttpResponse<?> export(HttpRequest<?> request, String encodingCode, String asciiName, String japaneseName,
                                  Function<ExcelCsv.Encoding, Outcome<byte[]>> export) {
        Optional<ExcelCsv.Encoding> encoding = ExcelCsv.Encoding.fromCode(encodingCode);
        if (encoding.isEmpty()) {
            return problems.of(request, ErrorCode.VALIDATION_FAILED, List.of(FieldError.of("encoding", "encoding")));
        }
        Outcome<byte[]> outcome = export.apply(encoding.get());
        if (outcome instanceof Outcome.Rejected<byte[]> r) {
            return problems.of(request, r.code(), r.errors());
        }
        String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
            + URLEncoder.encode(japaneseName, StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(((Outcome.Ok<byte[]>) outcome).value())
            .contentType(MediaType.of(encoding.get().contentType()))
            .header("Content-Disposition", disposition);
    }
}
