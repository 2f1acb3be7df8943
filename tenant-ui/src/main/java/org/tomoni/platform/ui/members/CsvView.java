package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.people.PeopleCsv;
import org.tomoni.platform.members.people.PeopleFilter;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.CsvDownloads;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.components.UploadTexts;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People as CSV: export with the encoding choice (Excel: UTF-8 with BOM or Shift_JIS/windows-31j),
 * and import with a preview of every error; a file with errors imports nothing.
 */
@Route(value = "people/csv", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_WRITE)
@Prototype
public class CsvView extends LocalizedView {
    final RadioButtonGroup<ExcelCsv.Encoding> encoding = new RadioButtonGroup<>();
    final Anchor download = new Anchor();
    final Span exportProblem = new Span();
    final Grid<FieldError> errors = new Grid<>();
    /** The import's errors as CSV (row, column, problem) in the UI's language and the chosen encoding, to fix the file by. */
    final Anchor errorReport = new Anchor();
    public final Span result = new Span();
    private final H2 title = new H2();
    private final H3 exportTitle = new H3();
    private final H3 importTitle = new H3();
    private final Paragraph importHelp = new Paragraph();
    private final Upload upload;
    private final Map<String, Grid.Column<FieldError>> columns = new LinkedHashMap<>();
    private final Actor actor;
    private final PeopleCsv csv;
    private final Messages messages;
    /** The last import's outcome, so its summary follows the language switch. */
    private Outcome<PeopleCsv.ImportResult> imported;

    CsvView(PeopleCsv csv, Messages messages) {
        super("csv.title");
        this.csv = csv;
        this.messages = messages;
        actor = UiSession.require();
        encoding.setItems(ExcelCsv.Encoding.values());
        encoding.setValue(ExcelCsv.Encoding.UTF_8_BOM);
        encoding.addValueChangeListener(e -> link());
        download.setId("csv-download");
        exportProblem.setId("csv-export-problem");
        exportProblem.getStyle().set("color", "var(--lumo-error-text-color)");

        MemoryBuffer buffer = new MemoryBuffer();
        upload = new Upload(buffer);
        upload.setId("csv-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.addSucceededListener(e -> importFile(actor, read(buffer.getInputStream())));
        result.setId("csv-result");
        errors.setId("csv-errors");
        columns.put("row", errors.addColumn(FieldError::row).setAutoWidth(true));
        columns.put("field", errors.addColumn(this::column).setAutoWidth(true));
        columns.put("problem", errors.addColumn(this::problem).setFlexGrow(3));
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        errors.setVisible(false);
        errorReport.setId("csv-error-report");
        errorReport.getElement().setAttribute("download", true);
        errorReport.setRouterIgnore(true);
        errorReport.setVisible(false);
        add(title, exportTitle, new HorizontalLayout(encoding), download, exportProblem, importTitle, importHelp, upload, result, errorReport,
            errors);
        localize();
    }

    private void link() {
        ExcelCsv.Encoding chosen = encoding.getValue();
        CsvDownloads.bind(download, exportProblem, "people.csv", chosen, () -> csv.export(actor, chosen, PeopleFilter.query(null)),
            messages, getLocale());
    }

    public void importFile(Actor actor, byte[] bytes) {
        imported = csv.importCsv(actor, bytes);
        showImport();
    }

    private void showImport() {
        if (imported == null) {
            return;
        }
        if (imported instanceof Outcome.Ok<PeopleCsv.ImportResult> ok) {
            errors.setVisible(false);
            errorReport.setVisible(false);
            result.setText(getTranslation("csv.imported", ok.value().created(), ok.value().updated(), ok.value().possibleDuplicates()));
        } else {
            List<FieldError> list = ((Outcome.Rejected<PeopleCsv.ImportResult>) imported).errors();
            result.setText(getTranslation("csv.rejected", list.size()));
            errors.setItems(list);
            errors.setVisible(true);
            errorReport.setVisible(true);
            ExcelCsv.Encoding chosen = encoding.getValue() == null ? ExcelCsv.Encoding.UTF_8_BOM : encoding.getValue();
            errorReport.setHref(new StreamResource("csv-errors.csv", () -> new java.io.ByteArrayInputStream(errorReport(list, chosen))));
        }
    }

    /** The column an error names, as the file's header and the form call it (姓, セイ, 郵便番号; Family name in English), never the API key. */
    String column(FieldError e) {
        return e.field() == null ? "" : translateOr("csv.column." + e.field(), e.field());
    }

    private String problem(FieldError e) {
        return messages.get("field." + e.code(), getLocale(), e.args());
    }

    /** The errors as CSV: row, column and problem in the UI's language; windows-31j falls back to UTF-8 if a text does not fit. */
    byte[] errorReport(List<FieldError> list, ExcelCsv.Encoding chosen) {
        List<String> header = List.of(getTranslation("csv.row"), getTranslation("csv.field"), getTranslation("csv.problem"));
        ExcelCsv.Rows rows = printer -> {
            for (FieldError e : list) {
                printer.printRecord(e.row() == null ? "" : String.valueOf(e.row()), ExcelCsv.cell(column(e)), ExcelCsv.cell(problem(e)));
            }
        };
        Outcome<byte[]> bytes = ExcelCsv.export(chosen, header, rows);
        return bytes instanceof Outcome.Ok<byte[]> ok ? ok.value() : ExcelCsv.export(ExcelCsv.Encoding.UTF_8_BOM, header, rows).orThrow();
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("csv.title"));
        exportTitle.setText(getTranslation("csv.export"));
        importTitle.setText(getTranslation("csv.import"));
        importHelp.setText(getTranslation("csv.import.help"));
        encoding.setLabel(getTranslation("csv.encoding"));
        encoding.setItemLabelGenerator(e -> getTranslation("csv.encoding." + e.code()));
        download.setText(getTranslation("csv.download"));
        errorReport.setText(getTranslation("csv.errorReport"));
        upload.setI18n(UploadTexts.i18n(k -> getTranslation(k), "csv.upload.add"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("csv." + key)));
        link();
    }

    @Override
    protected void redraw() {
        showImport();
        errors.getDataProvider().refreshAll();
    }
}
