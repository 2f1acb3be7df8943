package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.StreamResource;
import org.tomoni.platform.audit.AuditActions;
import org.tomoni.platform.audit.AuditLog;
import org.tomoni.platform.audit.AuditLog.AuditEntry;
import org.tomoni.platform.audit.AuditLog.AuditQuery;
import org.tomoni.platform.identity.StaffNames;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.identity.UserView;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.ActorLabels;
import org.tomoni.platform.ui.components.JapaneseDatePicker;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.UiSession;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An audit log on screen: the tenant's (for its admins, {@link AuditLogView}) or the platform's (the operator's panel of
 * the platform page). Filters: who (a colleague by name, or one of the platform's own actors), what (the action, in
 * words), when (a range of days) and which record (its type; "this record's history" from an entry); newest first, loaded
 * as the list scrolls without counting the whole log; a CSV of the filtered entries. An entry of a person opens its form.
 */
public class AuditLogPanel extends Composite<VerticalLayout> implements LocaleChangeObserver {
    /** The actors without an account that write entries (ActorLabels names them). */
    static final List<String> SYSTEM_ACTORS = List.of("public-signup", "donor", "scheduler", "mail-sender", "onboarding", "provisioning",
        "seal-accounts");
    /** Records a screen can open: the record type and the route of its view (by path: the admin views do not use other features' views). */
    static final Map<String, String> OPENABLE = Map.of("person", "person/");
    private static final Set<String> PLATFORM_ONLY = Set.of("tenant", "tenant_kind", "platform_audit_log");

    /** Someone the log can be filtered by: the principal the entries name, and how the screen shows them. */
    public record ActorChoice(String principal, String staffName) {
    }

    /** A row of the list: the entry and who did it in words, resolved as the row is fetched (a colleague's name is data). */
    public record Line(AuditEntry entry, String who) {
    }

    final H3 title = new H3();
    public final ComboBox<ActorChoice> who = new ComboBox<>();
    final ComboBox<String> what = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Select<String> recordType = new Select<>();
    final Span recordOnly = new Span();
    final Button clearRecord = new Button();
    final Button clear = new Button();
    final RadioButtonGroup<ExcelCsv.Encoding> encoding = new RadioButtonGroup<>();
    public final Anchor download = new Anchor();
    final Span downloadProblem = new Span();
    public final Grid<Line> grid = new Grid<>();
    final Paragraph detail = new Paragraph();
    final Button open = new Button();
    final Button history = new Button();
    final Paragraph empty = new Paragraph();
    private final Grid.Column<Line> whenColumn;
    private final Grid.Column<Line> whoColumn;
    private final Grid.Column<Line> whatColumn;
    private final Grid.Column<Line> recordColumn;
    private final Grid.Column<Line> outcomeColumn;
    private final AuditLog log;
    private final Messages messages;
    private final StaffNames staffNames;
    private final boolean platform;
    private ActorLabels actorLabels;
    private String targetId;
    private ExcelCsv.CsvFile checked;

    /** The tenant's log ({@code users} for the colleagues to pick), or the platform's ({@code users} null). */
    public AuditLogPanel(AuditLog log, UserManagement users, StaffNames staffNames, Messages messages) {
        this.log = log;
        this.messages = messages;
        this.staffNames = staffNames;
        this.platform = users == null;
        String prefix = platform ? "platform-audit" : "audit";
        setId(prefix + "-panel");
        who.setId(prefix + "-who");
        what.setId(prefix + "-what");
        from.setId(prefix + "-from");
        to.setId(prefix + "-to");
        recordType.setId(prefix + "-record-type");
        recordOnly.setId(prefix + "-record-only");
        clearRecord.setId(prefix + "-record-clear");
        clear.setId(prefix + "-clear");
        encoding.setId(prefix + "-encoding");
        download.setId(prefix + "-download");
        downloadProblem.setId(prefix + "-download-problem");
        grid.setId(prefix + "-grid");
        detail.setId(prefix + "-detail");
        open.setId(prefix + "-open");
        history.setId(prefix + "-history");
        empty.setId(prefix + "-empty");

        List<ActorChoice> actors = new ArrayList<>();
        if (!platform) {
            actors.addAll(colleagues(users));
            SYSTEM_ACTORS.forEach(a -> actors.add(new ActorChoice(a, null)));
        }
        who.setItems(actors);
        who.setVisible(!platform);
        who.setWidth("15em");
        what.setWidth("24em");
        from.setWidth("11em");
        to.setWidth("11em");
        recordType.setWidth("15em");
        who.setClearButtonVisible(true);
        what.setItems(AuditActions.CODES.stream().filter(c -> platform == onPlatform(c)).toList());
        what.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        recordType.setItems(withNone(AuditActions.TARGET_TYPES.stream().filter(t -> platform ? PLATFORM_ONLY.contains(t) || "user".equals(t)
            : !PLATFORM_ONLY.contains(t)).toList()));
        recordType.setEmptySelectionAllowed(false);
        recordType.setValue("");
        recordOnly.setVisible(false);
        clearRecord.setVisible(false);
        clearRecord.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clearRecord.addClickListener(e -> {
            targetId = null;
            refresh();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> clearFilters());
        who.addValueChangeListener(e -> refresh());
        what.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        recordType.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                targetId = null;
            }
            refresh();
        });
        encoding.setItems(ExcelCsv.Encoding.values());
        encoding.setValue(ExcelCsv.Encoding.UTF_8_BOM);
        encoding.addValueChangeListener(e -> link());
        downloadProblem.setVisible(false);

        whenColumn = grid.addColumn(l -> UiFormat.dateTime(l.entry().occurredAt().toString(), getLocale())).setAutoWidth(true).setFlexGrow(0);
        whoColumn = grid.addColumn(Line::who).setAutoWidth(true);
        whatColumn = grid.addColumn(l -> AuditLabels.action(l.entry().action(), this::t)).setAutoWidth(true);
        recordColumn = grid.addColumn(l -> record(l.entry())).setAutoWidth(true);
        outcomeColumn = grid.addColumn(l -> AuditLabels.outcome(l.entry().outcome(), this::t)).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setPageSize(LazyGrids.PAGE);
        grid.setMinHeight("16em");
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue() == null ? null : e.getValue().entry()));
        open.setVisible(false);
        open.addClickListener(e -> openRecord());
        history.setVisible(false);
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        history.addClickListener(e -> recordHistory());
        detail.setVisible(false);
        empty.setVisible(false);

        HorizontalLayout filters = new HorizontalLayout(who, what, from, to, recordType, recordOnly, clearRecord, clear);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout csv = new HorizontalLayout(encoding, download, downloadProblem);
        csv.setWrap(true);
        csv.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout selected = new HorizontalLayout(detail, open, history);
        selected.setWrap(true);
        selected.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(title, filters, csv, selected, grid, empty);
        title.setVisible(platform);
        // A checked windows-31j file not downloaded is dropped with the screen.
        addDetachListener(e -> {
            if (checked != null) {
                checked.delete();
                checked = null;
            }
        });
        relabel();
        refresh();
    }

    /** Filters the list to one record (a person's history opened from elsewhere): the type and its id, never shown as such. */
    public void showRecord(String type, String id) {
        if (type != null && AuditActions.TARGET_TYPES.contains(type)) {
            recordType.setValue(type);
            targetId = id;
            refresh();
        }
    }

    private static boolean onPlatform(String code) {
        return code.startsWith("tenant.") || code.startsWith("tenant_kind.") || code.startsWith("platform_audit_log.") || code.startsWith("auth.");
    }

    private static List<String> withNone(List<String> types) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(types);
        return all;
    }

    private static List<ActorChoice> colleagues(UserManagement users) {
        List<ActorChoice> found = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            if (!(users.list(UiSession.require(), PageRequest.of(page, PageRequest.MAX_SIZE)) instanceof Outcome.Ok<Page<UserView>> ok)) {
                break;
            }
            ok.value().items().forEach(u -> found.add(new ActorChoice(u.id().toString(), u.displayName())));
            if (ok.value().items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return found;
    }

    AuditQuery query() {
        String type = recordType.getValue() == null || recordType.getValue().isEmpty() ? null : recordType.getValue();
        return new AuditQuery(who.getValue() == null ? null : who.getValue().principal(), what.getValue(),
            from.getValue() == null ? null : from.getValue().toString(), to.getValue() == null ? null : to.getValue().toString(),
            type, type == null ? null : targetId);
    }

    void refresh() {
        AuditQuery q = query();
        Actor actor = UiSession.require();
        grid.setItems(fetch -> {
            Outcome<List<AuditEntry>> page = platform ? log.platformEntries(actor, q, fetch.getOffset(), fetch.getLimit())
                : log.entries(actor, q, fetch.getOffset(), fetch.getLimit());
            return (page instanceof Outcome.Ok<List<AuditEntry>> ok ? ok.value() : List.<AuditEntry>of()).stream()
                .map(e -> new Line(e, actor(e)));
        });
        // The first window decides between the list and the empty state before the client asks.
        Outcome<List<AuditEntry>> first = platform ? log.platformEntries(actor, q, 0, 1) : log.entries(actor, q, 0, 1);
        boolean has = first instanceof Outcome.Ok<List<AuditEntry>> ok && !ok.value().isEmpty();
        empty.setVisible(!has);
        grid.setVisible(has);
        boolean record = targetId != null && q.targetType() != null;
        recordOnly.setVisible(record);
        clearRecord.setVisible(record);
        showDetail(null);
        link();
    }

    void clearFilters() {
        targetId = null;
        who.clear();
        what.clear();
        from.clear();
        to.clear();
        recordType.setValue("");
        refresh();
    }

    /** The CSV of what the filters show; a windows-31j file is made at once so that a character it cannot hold is named here. */
    void link() {
        if (checked != null) {
            checked.delete();
            checked = null;
        }
        downloadProblem.setVisible(false);
        download.setEnabled(true);
        ExcelCsv.Encoding chosen = encoding.getValue() == null ? ExcelCsv.Encoding.UTF_8_BOM : encoding.getValue();
        AuditQuery q = query();
        Actor actor = UiSession.require();
        String name = platform ? "platform-audit-log.csv" : "audit-log.csv";
        if (chosen == ExcelCsv.Encoding.UTF_8_BOM) {
            download.setHref(new StreamResource(name, () -> {
                Outcome<ExcelCsv.CsvFile> file = export(actor, q, chosen);
                return file instanceof Outcome.Ok<ExcelCsv.CsvFile> ok ? ok.value().open() : new ByteArrayInputStream(new byte[0]);
            }));
            return;
        }
        Outcome<ExcelCsv.CsvFile> file = export(actor, q, chosen);
        if (file instanceof Outcome.Ok<ExcelCsv.CsvFile> ok) {
            ExcelCsv.CsvFile made = ok.value();
            checked = made;
            download.setHref(new StreamResource(name, () -> {
                checked = null;
                return made.open();
            }));
        } else if (file instanceof Outcome.Rejected<ExcelCsv.CsvFile> refused) {
            download.setEnabled(false);
            download.removeHref();
            StringBuilder text = new StringBuilder(messages.get("error." + refused.code().code(), getLocale()));
            for (FieldError e : refused.errors()) {
                text.append(' ').append(t("audit.download.problemAt").replace("{0}", String.valueOf(e.row())).replace("{1}", e.field()));
            }
            downloadProblem.setText(text.toString());
            downloadProblem.setVisible(true);
        }
    }

    Outcome<ExcelCsv.CsvFile> export(Actor actor, AuditQuery q, ExcelCsv.Encoding chosen) {
        AuditLog.Wording words = new AuditLog.Wording() {
            @Override
            public String who(AuditEntry e) {
                return actor(e);
            }

            @Override
            public String action(String code) {
                return AuditLabels.action(code, AuditLogPanel.this::t);
            }

            @Override
            public String target(String type) {
                return type == null ? "" : AuditLabels.target(type, AuditLogPanel.this::t);
            }

            @Override
            public String outcome(String outcome) {
                return AuditLabels.outcome(outcome, AuditLogPanel.this::t);
            }
        };
        return platform ? log.platformExport(actor, q, chosen, words) : log.export(actor, q, chosen, words);
    }

    /** Who, in words: a colleague by name, the platform's actors by what they are; what a failed sign-in typed, as typed. */
    String actor(AuditEntry e) {
        String name = e.actorName();
        if (platform) {
            if (Ids.parse(name).isPresent() || e.actorId() != null) {
                return t("audit.actor.platformUser");
            }
            int at = name.indexOf('@');
            String label = t("actor." + (at < 0 ? name : name.substring(0, at)).replaceFirst("^job:", ""));
            return !label.startsWith("!") ? label : e.action().startsWith("auth.") ? claimed(name) : t("actor.system");
        }
        String slug = UiSession.require().tenantSlug();
        if (Ids.parse(name).isPresent()) {
            name = name + "@" + slug;
        }
        String label = labels().of(name);
        if (e.action().startsWith("auth.") && e.actorId() == null && t("actor.system").equals(label) && name.endsWith("@" + slug)) {
            return claimed(name.substring(0, name.length() - slug.length() - 1));
        }
        return label;
    }

    private String claimed(String typed) {
        return t("audit.actor.claimed").replace("{0}", typed);
    }

    private ActorLabels labels() {
        if (actorLabels == null) {
            actorLabels = new ActorLabels(staffNames, this::t);
        }
        return actorLabels;
    }

    String record(AuditEntry e) {
        String type = AuditLabels.target(e.targetType(), this::t);
        String size = AuditLabels.size(e.targetId(), this::t);
        return size.isEmpty() ? type : t("audit.recordWithSize").replace("{0}", type).replace("{1}", size);
    }

    void showDetail(AuditEntry e) {
        detail.setVisible(e != null);
        // Map.of refuses a null key: an entry without a record (a sign-in) has no type.
        open.setVisible(e != null && e.targetType() != null && OPENABLE.containsKey(e.targetType()) && e.targetId() != null
            && Ids.parse(e.targetId()).isPresent());
        history.setVisible(e != null && e.targetType() != null && e.targetId() != null && AuditLabels.size(e.targetId(), this::t).isEmpty());
        if (e != null) {
            String address = e.clientAddress() == null ? "" : " " + t("audit.detail.address").replace("{0}", e.clientAddress());
            detail.setText(t("audit.detail").replace("{0}", UiFormat.dateTime(e.occurredAt().toString(), getLocale())).replace("{1}", actor(e))
                .replace("{2}", AuditLabels.action(e.action(), this::t)).replace("{3}", record(e))
                .replace("{4}", AuditLabels.outcome(e.outcome(), this::t)) + address);
        }
    }

    void openRecord() {
        AuditEntry e = selected();
        if (e != null && e.targetType() != null && OPENABLE.containsKey(e.targetType())) {
            getUI().ifPresent(ui -> ui.navigate(OPENABLE.get(e.targetType()) + e.targetId()));
        }
    }

    /** Narrows the list to the selected entry's record: every entry of that person, gift, user… */
    void recordHistory() {
        AuditEntry e = selected();
        if (e != null && e.targetType() != null) {
            showRecord(e.targetType(), e.targetId());
        }
    }

    private AuditEntry selected() {
        Line line = grid.asSingleSelect().getValue();
        return line == null ? null : line.entry();
    }

    private String t(String key) {
        return getTranslation(key);
    }

    private void relabel() {
        title.setText(t("audit.platformTitle"));
        who.setLabel(t("audit.who"));
        who.setItemLabelGenerator(a -> a.staffName() != null ? a.staffName() : t("actor." + a.principal()));
        what.setLabel(t("audit.what"));
        what.setItemLabelGenerator(c -> AuditLabels.action(c, this::t));
        from.setLabel(t("audit.from"));
        to.setLabel(t("audit.to"));
        from.setI18n(JapaneseDatePicker.i18n(getLocale()));
        to.setI18n(JapaneseDatePicker.i18n(getLocale()));
        recordType.setLabel(t("audit.recordType"));
        recordType.setItemLabelGenerator(type -> type == null || type.isEmpty() ? t("audit.recordType.any") : AuditLabels.target(type, this::t));
        recordOnly.setText(t("audit.recordOnly"));
        clearRecord.setText(t("audit.recordOnly.clear"));
        clear.setText(t("audit.clear"));
        encoding.setLabel(t("csv.encoding"));
        encoding.setItemLabelGenerator(e -> t("csv.encoding." + e.code()));
        download.setText(t("audit.download"));
        whenColumn.setHeader(t("audit.when"));
        whoColumn.setHeader(t("audit.who"));
        whatColumn.setHeader(t("audit.what"));
        recordColumn.setHeader(t("audit.record"));
        outcomeColumn.setHeader(t("audit.outcome"));
        open.setText(t("audit.open"));
        history.setText(t("audit.history"));
        empty.setText(t(platform ? "audit.platformEmpty" : "audit.empty"));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        actorLabels = null;
        relabel();
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths();
        showDetail(selected());
    }
}
