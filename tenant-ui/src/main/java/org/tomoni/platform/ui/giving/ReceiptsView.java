package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.giving.Receipts;
import org.tomoni.platform.giving.Receipts.ReceiptView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.components.CsvDownloads;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.Pickers;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;


/**
 * Receipts (寄附金受領証明書): every receipt with its PDF as issued; a reissue (asked first) voids
 * the old one; a donor's annual receipt for a calendar year; and the donor list (寄附者名簿) of a
 * fiscal year as CSV for Excel.
 */
@Route(value = "giving/receipts", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class ReceiptsView extends ListView<ReceiptView> {
    final H2 title = new H2();
    final H3 annualTitle = new H3();
    final ComboBox<PersonView> annualDonor;
    final IntegerField annualYear = new IntegerField();
    final Button annualIssue = new Button();
    final HorizontalLayout annualForm;
    final H3 donorListTitle = new H3();
    final IntegerField fiscalYear = new IntegerField();
    final RadioButtonGroup<ExcelCsv.Encoding> encoding = new RadioButtonGroup<>();
    final Anchor donorList = new Anchor();
    final Span donorListProblem = new Span();
    final VerticalLayout donorListBox = new VerticalLayout();
    private final Map<String, Grid.Column<ReceiptView>> columns = new LinkedHashMap<>();
    private final Map<UUID, String> donorNames = new HashMap<>();
    private final Receipts receipts;
    private final Donations donations;
    private final Messages messages;
    private final boolean canWrite;

    ReceiptsView(Receipts receipts, Donations donations, People people, TenantRegistry tenants, Messages messages, Clock clock) {
        super("receipts.title", "receipts.empty");
        this.receipts = receipts;
        this.donations = donations;
        this.messages = messages;
        setSizeFull();
        Actor actor = UiSession.require();
        canWrite = UiSession.allows(Capability.RECEIPTS_ISSUE);
        LocalDate today = LocalDate.now(clock.withZone(UiFormat.TOKYO));

        columns.put("receiptNumber", grid.addColumn(ReceiptView::receiptNumber).setKey("receiptNumber").setAutoWidth(true));
        columns.put("issuedOn", grid.addColumn(r -> UiFormat.date(LocalDate.parse(r.issuedOn()), getLocale())).setKey("issuedOn").setAutoWidth(true));
        columns.put("donor", grid.addColumn(this::donorName).setKey("donor").setAutoWidth(true));
        columns.put("kind", grid.addColumn(r -> translateOr("receipt.kind." + r.kind(), r.kind())).setKey("kind").setAutoWidth(true));
        columns.put("year", grid.addColumn(r -> getTranslation("donations.yearLabel", String.valueOf(r.year()))).setKey("year").setAutoWidth(true));
        columns.put("total", grid.addColumn(r -> UiFormat.yen(r.total(), getLocale())).setKey("total").setAutoWidth(true));
        columns.put("status", grid.addColumn(r -> translateOr("receipt.status." + r.status(), r.status())).setKey("status").setAutoWidth(true));
        columns.put("pdf", grid.addComponentColumn(this::pdfLink).setKey("pdf").setAutoWidth(true));
        columns.put("actions", grid.addComponentColumn(this::reissueButton).setKey("actions").setAutoWidth(true));

        annualDonor = Pickers.person(people);
        annualDonor.setId("annual-donor");
        annualDonor.setWidth("18em");
        annualYear.setId("annual-year");
        annualYear.setValue(today.getYear() - 1);
        annualYear.setStepButtonsVisible(true);
        annualIssue.setId("annual-issue");
        annualIssue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        annualIssue.addClickListener(e -> confirmAnnual());
        annualForm = new HorizontalLayout(annualDonor, annualYear, annualIssue);
        annualForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        annualForm.setWrap(true);
        VerticalLayout annualBox = new VerticalLayout(annualTitle, annualForm);
        annualBox.setPadding(false);
        annualBox.setVisible(canWrite);

        int fiscalStart = tenants.findById(actor.tenantId()).map(t -> t.settings().fiscalYearStartMonth()).orElse(4);
        fiscalYear.setId("donor-list-year");
        fiscalYear.setValue(today.getMonthValue() >= fiscalStart ? today.getYear() : today.getYear() - 1);
        fiscalYear.setStepButtonsVisible(true);
        fiscalYear.addValueChangeListener(e -> linkDonorList(actor));
        encoding.setId("donor-list-encoding");
        encoding.setItems(ExcelCsv.Encoding.values());
        encoding.setValue(ExcelCsv.Encoding.UTF_8_BOM);
        encoding.addValueChangeListener(e -> linkDonorList(actor));
        donorList.setId("donor-list-download");
        donorList.getElement().setAttribute("download", true);
        donorList.setRouterIgnore(true);
        HorizontalLayout donorListForm = new HorizontalLayout(fiscalYear, encoding, donorList);
        donorListForm.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        donorListForm.setWrap(true);
        donorListProblem.setId("donor-list-problem");
        donorListProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        donorListBox.add(donorListTitle, donorListForm, donorListProblem);
        donorListBox.setPadding(false);
        donorListBox.setVisible(canWrite);
        linkDonorList(actor);

        add(title, grid, annualBox, donorListBox);
        expand(grid);
        localize();
        refresh();
    }

    /** The receipt's PDF exactly as it was issued. */
    Anchor pdfLink(ReceiptView receipt) {
        Actor actor = UiSession.require();
        UUID id = receipt.id();
        Anchor link = new Anchor(new StreamResource("receipt-" + receipt.receiptNumber() + ".pdf", () -> {
            Outcome<byte[]> pdf = receipts.pdf(actor, id);
            return new ByteArrayInputStream(pdf instanceof Outcome.Ok<byte[]> ok ? ok.value() : new byte[0]);
        }), getTranslation("receipts.pdf"));
        link.setId("receipt-pdf-" + receipt.receiptNumber());
        link.setTarget("_blank");
        link.setRouterIgnore(true);
        return link;
    }

    private Button reissueButton(ReceiptView receipt) {
        Button button = new Button(getTranslation("receipts.reissue"), e -> confirmReissue(receipt));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setVisible(canWrite && "issued".equals(receipt.status()));
        return button;
    }

    /** A reissue voids the receipt for good, so it asks first. */
    ConfirmDialog confirmReissue(ReceiptView receipt) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("receipt-reissue-confirm");
        dialog.setHeader(getTranslation("receipts.reissue.header"));
        dialog.setText(getTranslation("receipts.reissue.text", receipt.receiptNumber(), donorName(receipt)));
        dialog.setConfirmText(getTranslation("receipts.reissue.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("gifts.cancel.back"));
        dialog.addConfirmListener(e -> reissue(receipt.id()));
        dialog.open();
        return dialog;
    }

    void reissue(UUID receiptId) {
        Outcome<ReceiptView> outcome = receipts.reissue(UiSession.require(), receiptId);
        if (outcome instanceof Outcome.Rejected<ReceiptView> r) {
            FieldErrors.show(r, Map.of(), messages, getLocale());
            return;
        }
        ReceiptView fresh = ((Outcome.Ok<ReceiptView>) outcome).value();
        FieldErrors.notify(getTranslation("receipts.reissued", fresh.receiptNumber()), NotificationVariant.LUMO_SUCCESS);
        grid.getDataProvider().refreshAll();
    }

    /**
     * Checks the donor and year, then asks first: the donor, the year, how many donations and the
     * total the receipt will carry, and that its number is final. Nothing is issued before the confirm.
     */
    ConfirmDialog confirmAnnual() {
        annualDonor.setInvalid(false);
        annualYear.setInvalid(false);
        if (annualDonor.getValue() == null) {
            annualDonor.setErrorMessage(messages.get("field.required", getLocale()));
            annualDonor.setInvalid(true);
            return null;
        }
        PersonView donor = annualDonor.getValue();
        Integer year = annualYear.getValue();
        Outcome<Receipts.AnnualPreview> preview = receipts.annualPreview(UiSession.require(), donor.id(), year);
        if (preview instanceof Outcome.Rejected<Receipts.AnnualPreview> r) {
            FieldErrors.show(r, Map.of("year", annualYear, "personId", annualDonor), messages, getLocale());
            return null;
        }
        Receipts.AnnualPreview p = ((Outcome.Ok<Receipts.AnnualPreview>) preview).value();
        ConfirmDialog dialog = Confirmations.of("annual-receipt-confirm", getTranslation("receipts.annual.header"),
            getTranslation("receipts.annual.text", donor.fullName(), String.valueOf(p.year()), String.valueOf(p.donations()),
                UiFormat.yen(p.total(), getLocale())),
            getTranslation("receipts.annual.confirm"), getTranslation("gifts.cancel.back"), () -> issueAnnual(donor, year));
        dialog.open();
        return dialog;
    }

    void issueAnnual(PersonView donor, Integer year) {
        Outcome<ReceiptView> outcome = receipts.annual(UiSession.require(), donor.id(), year);
        if (outcome instanceof Outcome.Rejected<ReceiptView> r) {
            FieldErrors.show(r, Map.of("year", annualYear, "personId", annualDonor), messages, getLocale());
            return;
        }
        ReceiptView receipt = ((Outcome.Ok<ReceiptView>) outcome).value();
        FieldErrors.notify(getTranslation("receipts.annualIssued", receipt.receiptNumber(), UiFormat.yen(receipt.total(), getLocale())),
            NotificationVariant.LUMO_SUCCESS);
        annualDonor.clear();
        grid.getDataProvider().refreshAll();
    }

    private void linkDonorList(Actor actor) {
        Integer year = fiscalYear.getValue();
        ExcelCsv.Encoding chosen = encoding.getValue() == null ? ExcelCsv.Encoding.UTF_8_BOM : encoding.getValue();
        fiscalYear.setInvalid(year == null || year < 2000 || year > 2099);
        fiscalYear.setErrorMessage(messages.get("field.year", getLocale()));
        if (fiscalYear.isInvalid()) {
            donorList.setEnabled(false);
            return;
        }
        CsvDownloads.bind(donorList, donorListProblem, "donors-" + year + ".csv", chosen, () -> receipts.donorList(actor, year, chosen),
            messages, getLocale());
    }

    void refresh() {
        query(this::page);
    }

    private Outcome<Page<ReceiptView>> page(PageRequest request) {
        return receipts.list(UiSession.require(), null, null, request);
    }

    /** The donor as the donations list names them (a sensitive person shows masked). */
    private String donorName(ReceiptView r) {
        return donorNames.computeIfAbsent(r.personId() != null ? r.personId() : r.organizationId(), k -> r.donationIds().isEmpty() ? ""
            : donations.get(UiSession.require(), r.donationIds().get(0)) instanceof Outcome.Ok<DonationView> ok ? ok.value().donorName() : "");
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("receipts.title"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("receipts." + key)));
        annualTitle.setText(getTranslation("receipts.annual"));
        annualDonor.setLabel(getTranslation("receipts.donor"));
        annualYear.setLabel(getTranslation("receipts.annual.year"));
        annualIssue.setText(getTranslation("receipts.annual.issue"));
        donorListTitle.setText(getTranslation("receipts.donorList"));
        fiscalYear.setLabel(getTranslation("receipts.donorList.fiscalYear"));
        fiscalYear.setErrorMessage(messages.get("field.year", getLocale()));
        encoding.setLabel(getTranslation("csv.encoding"));
        encoding.setItemLabelGenerator(e -> getTranslation("csv.encoding." + e.code()));
        donorList.setText(getTranslation("receipts.donorList.download"));
    }
}
