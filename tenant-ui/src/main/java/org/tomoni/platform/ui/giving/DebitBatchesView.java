package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.Charges;
import org.tomoni.platform.giving.DebitBatches;
import org.tomoni.platform.giving.DebitBatches.BatchView;
import org.tomoni.platform.ui.components.ChargesPanel;
import org.tomoni.platform.giving.DebitResults;
import org.tomoni.platform.giving.DebitResults.CodeLine;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.components.UploadTexts;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Direct-debit batches (口座振替): the batches the billing runs gathered; a selected batch shows
 * its reconciliation by result code, its request file (全銀フォーマット) for the bank, and takes the
 * bank's result file. A rejected result file names the record and the field and changes nothing.
 */
@Route(value = "giving/batches", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class DebitBatchesView extends ListView<BatchView> {
    final H2 title = new H2();
    final Div settingsMissing = new Div();
    final Span settingsMissingText = new Span();
    final RouterLink settingsLink = new RouterLink();
    final VerticalLayout detail = new VerticalLayout();
    final H3 detailTitle = new H3();
    final Span detailSummary = new Span();
    final Anchor download = new Anchor();
    final Upload upload;
    final Span uploadLabel = new Span();
    final Span result = new Span();
    final Span resultDetail = new Span();
    /** The result's mark: a red cross for a refused file, a green check once reconciled; hidden before either. */
    final Icon resultMark = new Icon();
    final Grid<CodeLine> codes = new Grid<>();
    private final Map<String, Grid.Column<BatchView>> columns = new LinkedHashMap<>();
    private final Map<String, Grid.Column<CodeLine>> codeColumns = new LinkedHashMap<>();
    private final DebitBatches batches;
    private final DebitResults results;
    private final Messages messages;
    private final boolean canWrite;
    private final GivingSettings settings;
    private boolean debitReady;
    private BatchView shown;

    /** Who is in the shown batch: each debit's name, member number, bank and branch, masked account, amount and result. */
    final ChargesPanel debits;
    /** The batch's debits as CSV (UTF-8 with BOM, for Excel). */
    final Anchor debitsCsv = new Anchor();
    private final Span debitsCsvProblem = new Span();

    DebitBatchesView(DebitBatches batches, DebitResults results, GivingSettings settings, Charges charges, Messages messages) {
        super("batches.title", "batches.empty");
        debits = new ChargesPanel(charges, batches, messages, ChargesPanel.Mode.BATCH);
        this.batches = batches;
        this.results = results;
        this.messages = messages;
        setSizeFull();
        Actor actor = UiSession.require();
        canWrite = UiSession.allows(Capability.GIVING_WRITE);
        this.settings = settings;

        settingsMissing.setId("batches-settings-missing");
        settingsLink.setRoute(GivingSettingsView.class);
        settingsLink.setId("batches-settings-link");
        settingsMissing.add(settingsMissingText, new Span(" "), settingsLink);
        settingsMissing.getStyle().set("color", "var(--lumo-error-text-color)");
        checkSettings();

        columns.put("batchNumber", grid.addColumn(BatchView::batchNumber).setKey("batchNumber").setAutoWidth(true));
        columns.put("period", grid.addColumn(b -> UiFormat.month(b.period(), getLocale())).setKey("period").setAutoWidth(true));
        columns.put("debitDate", grid.addColumn(b -> UiFormat.date(java.time.LocalDate.parse(b.debitDate()), getLocale()))
            .setKey("debitDate").setAutoWidth(true));
        columns.put("count", grid.addColumn(b -> getTranslation("batches.items", b.count())).setKey("count").setAutoWidth(true));
        columns.put("total", grid.addColumn(b -> UiFormat.yen(b.total(), getLocale())).setKey("total").setAutoWidth(true));
        columns.put("status", grid.addColumn(b -> status(b.status())).setKey("status").setAutoWidth(true));
        columns.put("debited", grid.addColumn(b -> countAndYen(b.debitedCount(), b.debitedTotal())).setKey("debited").setAutoWidth(true));
        columns.put("failed", grid.addColumn(b -> countAndYen(b.failedCount(), b.failedTotal())).setKey("failed").setAutoWidth(true));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue().id());
            }
        });

        download.setId("batch-request-file");
        download.getElement().setAttribute("download", true);
        download.setRouterIgnore(true);
        MemoryBuffer buffer = new MemoryBuffer();
        upload = new Upload(buffer);
        upload.setId("batch-result-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(64 * 1024 * 1024);
        upload.setI18n(UploadTexts.i18n(k -> getTranslation(k), "batches.upload.add"));
        upload.addSucceededListener(e -> reconcile(buffer.getInputStream()));
        result.setId("batch-result");
        resultDetail.setId("batch-result-detail");
        resultDetail.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        codeColumns.put("code", codes.addColumn(CodeLine::code).setKey("code").setAutoWidth(true));
        codeColumns.put("label", codes.addColumn(l -> translateOr("batches.code." + l.code(), l.label())).setKey("label").setAutoWidth(true));
        codeColumns.put("count", codes.addColumn(l -> getTranslation("batches.items", l.count())).setKey("count").setAutoWidth(true));
        codeColumns.put("amount", codes.addColumn(l -> UiFormat.yen(l.total(), getLocale())).setKey("amount").setAutoWidth(true));
        codeColumns.put("retry", codes.addColumn(l -> getTranslation(l.retry() ? "batches.retry.yes" : "batches.retry.no")).setKey("retry").setAutoWidth(true));
        codes.setAllRowsVisible(true);
        codes.setId("batch-codes");

        detail.setId("batch-detail");
        detail.setPadding(false);
        detail.setVisible(false);
        VerticalLayout uploadBox = new VerticalLayout(uploadLabel, upload);
        uploadBox.setPadding(false);
        uploadBox.setSpacing(false);
        uploadBox.setVisible(canWrite);
        resultMark.setId("batch-result-mark");
        resultMark.setSize("var(--lumo-icon-size-s)");
        resultMark.setVisible(false);
        HorizontalLayout resultLine = new HorizontalLayout(resultMark, result);
        resultLine.setSpacing(true);
        resultLine.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        debitsCsv.setId("batch-debits-csv");
        debitsCsv.getElement().setAttribute("download", true);
        debitsCsv.setRouterIgnore(true);
        detail.add(detailTitle, detailSummary, download, uploadBox, resultLine, resultDetail, codes, debitsCsv, debitsCsvProblem, debits);

        HorizontalLayout body = new HorizontalLayout(grid, detail);
        body.setWidthFull();
        body.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        // Side by side where the window leaves room for both, else the detail below the list (which keeps its columns).
        body.setWrap(true);
        grid.getStyle().set("flex", "3 1 48em");
        detail.getStyle().set("flex", "1 1 36em").set("min-width", "0");
        add(title, settingsMissing, body);
        expand(body);
        localize();
        refresh();
    }

    /** Shows one batch with its reconciliation; a batch the tenant does not have shows "not found". */
    void open(UUID id) {
        Outcome<BatchView> outcome = batches.get(UiSession.require(), id);
        if (outcome instanceof Outcome.Ok<BatchView> ok) {
            result.setText("");
            resultDetail.setText("");
            mark(null);
            show(ok.value());
        } else {
            shown = null;
            detail.setVisible(false);
            FieldErrors.show((Outcome.Rejected<BatchView>) outcome, Map.of(), messages, getLocale());
        }
    }

    /** Reconciles the shown batch with the bank's result file; a refused file names its record and field. */
    void reconcile(InputStream file) {
        if (shown == null) {
            return;
        }
        Outcome<BatchView> outcome = results.reconcile(UiSession.require(), shown.id(), file);
        if (outcome instanceof Outcome.Ok<BatchView> ok) {
            show(ok.value());
            String text = getTranslation("batches.reconciled", countAndYen(ok.value().debitedCount(), ok.value().debitedTotal()),
                countAndYen(ok.value().failedCount(), ok.value().failedTotal()));
            result.setText(text);
            resultDetail.setText("");
            mark(true);
            FieldErrors.notify(text, NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
            return;
        }
        Outcome.Rejected<BatchView> rejected = (Outcome.Rejected<BatchView>) outcome;
        FieldError first = rejected.errors().isEmpty() ? null : rejected.errors().get(0);
        String text;
        String technical = "";
        if (rejected.code() == ErrorCode.UNPROCESSABLE_FILE && first != null && first.row() != null) {
            text = getTranslation("batches.rejected", first.row(), translateOr("batches.field." + first.field(), first.field()));
            technical = getTranslation("batches.rejected.detail", messages.field(first, getLocale()));
        } else if (first != null) {
            text = messages.get("field." + first.code(), getLocale(), first.args());
        } else {
            text = messages.get(rejected.code().messageKey(), getLocale());
        }
        result.setText(text);
        resultDetail.setText(technical);
        mark(false);
        // The upload itself succeeded, so the file list shows it done (a check mark): it is marked failed instead.
        upload.getElement().executeJs("const f = this.files && this.files[0]; if (f) { f.complete = false; f.error = $0; this.files = [...this.files]; }",
            getTranslation("batches.upload.refused"));
        FieldErrors.notify(text, NotificationVariant.LUMO_ERROR);
    }

    /** Marks the result line: {@code true} reconciled (green check), {@code false} refused (red cross), null none. */
    private void mark(Boolean reconciled) {
        resultMark.setVisible(reconciled != null);
        result.getElement().setAttribute("data-state", reconciled == null ? "" : reconciled ? "reconciled" : "refused");
        result.getStyle().set("color", reconciled == null || reconciled ? "" : "var(--lumo-error-text-color)");
        if (reconciled != null) {
            resultMark.getElement().setAttribute("icon", reconciled ? "vaadin:check-circle" : "vaadin:close-circle");
            resultMark.setColor(reconciled ? "var(--lumo-success-color)" : "var(--lumo-error-color)");
        }
    }

    /** Whether the request file can be made; without the consignor settings, says so and links to them. */
    private void checkSettings() {
        debitReady = settings.get(UiSession.require()) instanceof Outcome.Ok<GivingSettings.SettingsView> ok && ok.value().debitReady();
        settingsMissing.setVisible(canWrite && !debitReady);
    }

    private void show(BatchView batch) {
        shown = batch;
        checkSettings();
        detail.setVisible(true);
        // Below the list where the window is narrow: brought into view.
        detail.scrollIntoView();
        detailTitle.setText(getTranslation("batches.detail.title", String.valueOf(batch.batchNumber()),
            UiFormat.date(java.time.LocalDate.parse(batch.debitDate()), getLocale())));
        detailSummary.setText(getTranslation("batches.detail.summary", UiFormat.month(batch.period(), getLocale()),
            countAndYen(batch.count(), batch.total()), status(batch.status())));
        codes.setItems(batch.byCode() == null ? List.of() : batch.byCode());
        codes.setVisible(batch.byCode() != null && !batch.byCode().isEmpty());
        download.setVisible(canWrite && debitReady);
        if (canWrite && debitReady) {
            UUID id = batch.id();
            Actor actor = UiSession.require();
            download.setHref(new StreamResource("furikae-" + batch.batchNumber() + "-" + batch.debitDate() + ".txt", () -> requestFile(actor, id)));
        }
        upload.getParent().ifPresent(p -> p.setVisible(canWrite && "created".equals(batch.status())));
        debits.show(batch.id());
        UUID batchId = batch.id();
        Actor reader = UiSession.require();
        org.tomoni.platform.ui.components.CsvDownloads.bind(debitsCsv, debitsCsvProblem, "furikae-" + batch.batchNumber() + "-debits.csv",
            org.tomoni.platform.shared.ExcelCsv.Encoding.UTF_8_BOM, () -> batches.debitsCsv(reader, batchId,
                org.tomoni.platform.shared.ExcelCsv.Encoding.UTF_8_BOM), messages, getLocale());
        upload.clearFileList();
    }

    /** The request file, read from its temporary file, which is deleted once the download closes it. */
    private InputStream requestFile(Actor actor, UUID id) {
        Outcome<DebitBatches.RequestFile> file = batches.requestFile(actor, id);
        if (!(file instanceof Outcome.Ok<DebitBatches.RequestFile> ok)) {
            return new ByteArrayInputStream(new byte[0]);
        }
        try {
            return Files.newInputStream(ok.value().path(), StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        query(this::page);
    }

    private Outcome<Page<BatchView>> page(PageRequest request) {
        return batches.list(UiSession.require(), request);
    }

    private String countAndYen(Integer count, Long total) {
        return count == null ? "" : getTranslation("runs.count", count, UiFormat.yen(total == null ? 0 : total, getLocale()));
    }

    private String status(String code) {
        return translateOr("batches.status." + code, code);
    }

    @Override
    protected void redraw() {
        super.redraw();
        if (shown != null) {
            show(shown);
        }
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("batches.title"));
        settingsMissingText.setText(getTranslation("batches.settingsMissing"));
        settingsLink.setText(getTranslation("batches.settingsLink"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("batches." + key)));
        codeColumns.forEach((key, column) -> column.setHeader(getTranslation("batches.codes." + key)));
        codes.setEmptyStateText(getTranslation("batches.codes.empty"));
        download.setText(getTranslation("batches.requestFile"));
        debitsCsv.setText(getTranslation("batches.debitsCsv"));
        uploadLabel.setText(getTranslation("batches.resultFile"));
        upload.setI18n(UploadTexts.i18n(k -> getTranslation(k), "batches.upload.add"));
    }
}
