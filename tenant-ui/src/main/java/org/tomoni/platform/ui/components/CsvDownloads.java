package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResource;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A CSV download link. A windows-31j export is made when the encoding is chosen, so a cell that
 * encoding cannot hold is named beside the link (row and column, with the advice to use UTF-8)
 * instead of downloading an empty file; the link then serves exactly what was checked.
 */
public final class CsvDownloads {
    private CsvDownloads() {
    }

    public static void bind(Anchor link, Span problem, String fileName, ExcelCsv.Encoding encoding, Supplier<Outcome<byte[]>> export,
                     Messages messages, Locale locale) {
        problem.setText("");
        problem.setVisible(false);
        link.setEnabled(true);
        if (encoding != ExcelCsv.Encoding.WINDOWS_31J) {
            link.setHref(new StreamResource(fileName, () -> new ByteArrayInputStream(bytesOrEmpty(export.get()))));
            return;
        }
        Outcome<byte[]> checked = export.get();
        if (checked instanceof Outcome.Ok<byte[]> ok) {
            byte[] bytes = ok.value();
            link.setHref(new StreamResource(fileName, () -> new ByteArrayInputStream(bytes)));
        } else if (checked instanceof Outcome.Rejected<byte[]> refused) {
            link.setEnabled(false);
            link.removeHref();
            problem.setText(describe(refused, messages, locale));
            problem.setVisible(true);
        }
    }

    private static String describe(Outcome.Rejected<byte[]> refused, Messages messages, Locale locale) {
        StringBuilder text = new StringBuilder(messages.get("error." + refused.code().code(), locale));
        for (FieldError e : refused.errors()) {
            text.append(' ').append(locale.getLanguage().equals("en") ? "Row " + e.row() + ", " + e.field() + "."
                : e.row() + "行目・" + e.field() + "。");
        }
        return text.toString();
    }

    private static byte[] bytesOrEmpty(Outcome<byte[]> out) {
        return out instanceof Outcome.Ok<byte[]> ok ? ok.value() : new byte[0];
    }
}
