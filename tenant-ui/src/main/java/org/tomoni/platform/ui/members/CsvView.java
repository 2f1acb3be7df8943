package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.PeopleCsv;
import org.tomoni.platform.members.PeopleFilter;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.CsvDownloads;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * People as CSV: export with the encoding choice (Excel: UTF-8 with BOM or Shift_JIS/windows-31j),
 * and import with a preview of every error; a file with errors imports nothing.
 */
@Route(value = "people/csv", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_WRITE)
@Prototype
public class CsvView extends VerticalLayout implements HasDynamicTitle {
    final RadioButtonGroup<ExcelCsv.Encoding> encoding = new RadioButtonGroup<>();
    final Anchor download = new Anchor();
    final Span exportProblem = new Span();
    final Grid<FieldError> errors = new Grid<>();
    public final Span result = new Span();
    private final PeopleCsv csv;
    private final Messages messages;

    CsvView(PeopleCsv csv, Messages messages) {
        this.csv = csv;
        this.messages = messages;
        Actor actor = UiSession.require();
        encoding.setLabel(getTranslation("csv.encoding"));
        encoding.setItems(ExcelCsv.Encoding.values());
        encoding.setItemLabelGenerator(e -> getTranslation("csv.encoding." + e.code()));
        encoding.setValue(ExcelCsv.Encoding.UTF_8_BOM);
        encoding.addValueChangeListener(e -> link(actor));
        download.setId("csv-download");
        download.setText(getTranslation("csv.download"));
        exportProblem.setId("csv-export-problem");
        exportProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        link(actor);

        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("csv-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setI18n(uploadI18n());
        upload.addSucceededListener(e -> importFile(actor, read(buffer.getInputStream())));
        result.setId("csv-result");
        errors.setId("csv-errors");
        errors.addColumn(FieldError::row).setHeader(getTranslation("csv.row")).setAutoWidth(true);
        errors.addColumn(e -> e.field() == null ? "" : e.field()).setHeader(getTranslation("csv.field")).setAutoWidth(true);
        errors.addColumn(e -> messages.get("field." + e.code(), getLocale())).setHeader(getTranslation("csv.problem"));
        errors.setVisible(false);
        add(new H2(getTranslation("csv.title")), new H3(getTranslation("csv.export")), new HorizontalLayout(encoding), download, exportProblem,
            new H3(getTranslation("csv.import")), new Paragraph(getTranslation("csv.import.help")), upload, result, errors);
    }

    private void link(Actor actor) {
        ExcelCsv.Encoding chosen = encoding.getValue();
        CsvDownloads.bind(download, exportProblem, "people.csv", chosen, () -> csv.export(actor, chosen, PeopleFilter.query(null)),
            messages, getLocale());
    }

    public void importFile(Actor actor, byte[] bytes) {
        Outcome<PeopleCsv.ImportResult> outcome = csv.importCsv(actor, bytes);
        if (outcome instanceof Outcome.Ok<PeopleCsv.ImportResult> ok) {
            errors.setVisible(false);
            result.setText(getTranslation("csv.imported", ok.value().created(), ok.value().updated(), ok.value().possibleDuplicates()));
        } else {
            List<FieldError> list = ((Outcome.Rejected<PeopleCsv.ImportResult>) outcome).errors();
            result.setText(getTranslation("csv.rejected", list.size()));
            errors.setItems(list);
            errors.setVisible(true);
        }
    }

    private com.vaadin.flow.component.upload.UploadI18N uploadI18n() {
        var i18n = new com.vaadin.flow.component.upload.UploadI18N();
        i18n.setAddFiles(new com.vaadin.flow.component.upload.UploadI18N.AddFiles().setOne(getTranslation("csv.upload.add"))
            .setMany(getTranslation("csv.upload.add")));
        i18n.setDropFiles(new com.vaadin.flow.component.upload.UploadI18N.DropFiles().setOne(getTranslation("csv.upload.drop"))
            .setMany(getTranslation("csv.upload.drop")));
        i18n.setError(new com.vaadin.flow.component.upload.UploadI18N.Error().setTooManyFiles(getTranslation("csv.upload.tooMany"))
            .setFileIsTooBig(getTranslation("csv.upload.tooBig")).setIncorrectFileType(getTranslation("csv.upload.type")));
        i18n.setUploading(new com.vaadin.flow.component.upload.UploadI18N.Uploading()
            .setStatus(new com.vaadin.flow.component.upload.UploadI18N.Uploading.Status().setConnecting(getTranslation("csv.upload.connecting"))
                .setStalled(getTranslation("csv.upload.stalled")).setProcessing(getTranslation("csv.upload.processing")).setHeld(""))
            .setRemainingTime(new com.vaadin.flow.component.upload.UploadI18N.Uploading.RemainingTime()
                .setPrefix(getTranslation("csv.upload.remaining")).setUnknown(""))
            .setError(new com.vaadin.flow.component.upload.UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("csv.upload.failed"))
                .setUnexpectedServerError(getTranslation("csv.upload.failed")).setForbidden(getTranslation("csv.upload.failed"))));
        i18n.setUnits(new com.vaadin.flow.component.upload.UploadI18N.Units(java.util.List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("csv.title");
    }
}
