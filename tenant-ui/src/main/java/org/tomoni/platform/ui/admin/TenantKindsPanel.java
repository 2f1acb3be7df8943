package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantKindRequest;
import org.tomoni.platform.tenancy.TenantKindView;
import org.tomoni.platform.onboarding.TenantKinds;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.shell.UiSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The platform operator's tenant kinds: a grid of the kinds, and a form that creates one or
 * edits the selected one (code, names, modules, fiscal year start; vocabulary and templates as
 * JSON). The server's checks decide; its messages appear beside the field they name, with the
 * key they name for vocabulary and templates (e.g. {@code templates.colours}).
 */
public class TenantKindsPanel extends Composite<VerticalLayout> implements LocaleChangeObserver {
    final H3 title = new H3();
    final Grid<TenantKindView> grid = new Grid<>();
    final TextField code = new TextField();
    final TextField nameJa = new TextField();
    final TextField nameEn = new TextField();
    final CheckboxGroup<String> modules = new CheckboxGroup<>();
    final IntegerField fiscalYearStartMonth = new IntegerField();
    final TextArea vocabulary = new TextArea();
    final TextArea templates = new TextArea();
    final Button save = new Button();
    final Button clear = new Button();
    private final Grid.Column<TenantKindView> codeColumn;
    private final Grid.Column<TenantKindView> nameColumn;
    private final Grid.Column<TenantKindView> modulesColumn;
    private final Grid.Column<TenantKindView> monthColumn;
    private final TenantKinds kinds;
    private final JsonMapper json;
    private final Messages messages;
    /** The kind being edited, or null while a new one is written. */
    private TenantKindView editing;

    public TenantKindsPanel(TenantKinds kinds, JsonMapper json, Messages messages) {
        this.kinds = kinds;
        this.json = json;
        this.messages = messages;
        code.setId("kind-code");
        nameJa.setId("kind-name-ja");
        nameEn.setId("kind-name-en");
        modules.setId("kind-modules");
        modules.setItems(TenantKinds.moduleCodes());
        fiscalYearStartMonth.setId("kind-fiscal-month");
        // No min/max here: the server's rule (1–12) and its message decide, as for every other field.
        vocabulary.setId("kind-vocabulary");
        templates.setId("kind-templates");
        templates.setMinHeight("8em");
        save.setId("kind-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        clear.setId("kind-new");
        clear.addClickListener(e -> startNew());

        codeColumn = grid.addColumn(TenantKindView::code).setKey("code").setAutoWidth(true);
        nameColumn = grid.addColumn(k -> "en".equals(getLocale().getLanguage()) ? k.nameEn() : k.nameJa()).setKey("name").setAutoWidth(true);
        modulesColumn = grid.addColumn(k -> String.join(", ", k.modules())).setKey("modules").setWidth("14em").setFlexGrow(2);
        // The modules of a kind make a long line: it wraps in its cell, and the list never scrolls sideways.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        monthColumn = grid.addColumn(TenantKindView::fiscalYearStartMonth).setKey("fiscalYearStartMonth").setAutoWidth(true);
        grid.setPageSize(LazyGrids.PAGE);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        FormLayout form = new FormLayout(code, nameJa, nameEn, fiscalYearStartMonth, modules, vocabulary, templates);
        form.setColspan(modules, 2);
        form.setColspan(vocabulary, 2);
        form.setColspan(templates, 2);
        getContent().setPadding(false);
        getContent().add(title, grid, form, new HorizontalLayout(save, clear));
        setId("tenant-kinds");
        relabel();
        startNew();
        refresh();
    }

    /** Empties the form for a new kind. */
    void startNew() {
        editing = null;
        grid.asSingleSelect().clear();
        code.setReadOnly(false);
        code.clear();
        nameJa.clear();
        nameEn.clear();
        modules.setValue(new LinkedHashSet<>(List.of("members")));
        fiscalYearStartMonth.setValue(4);
        vocabulary.setValue("{}");
        templates.setValue("{}");
        clearErrors();
    }

    /** Loads a kind into the form; its code stays as it is. */
    void edit(TenantKindView kind) {
        editing = kind;
        code.setValue(kind.code());
        code.setReadOnly(true);
        nameJa.setValue(kind.nameJa());
        nameEn.setValue(kind.nameEn());
        modules.setValue(new LinkedHashSet<>(kind.modules()));
        fiscalYearStartMonth.setValue(kind.fiscalYearStartMonth());
        vocabulary.setValue(pretty(kind.vocabulary()));
        templates.setValue(pretty(kind.templates()));
        clearErrors();
    }

    void save() {
        clearErrors();
        Map<String, String> vocabularyValue = parse(vocabulary, Argument.mapOf(String.class, String.class));
        JsonNode templatesValue = parse(templates, Argument.of(JsonNode.class));
        if (vocabulary.isInvalid() || templates.isInvalid()) {
            return;
        }
        List<String> chosen = TenantKinds.moduleCodes().stream().filter(modules.getValue()::contains).toList();
        TenantKindRequest request = new TenantKindRequest(code.getValue(), nameJa.getValue(), nameEn.getValue(), chosen,
            fiscalYearStartMonth.getValue(), vocabularyValue, templatesValue);
        Outcome<TenantKindView> outcome = editing == null ? kinds.create(UiSession.require(), request)
            : kinds.update(UiSession.require(), editing.code(), editing.version(), request);
        if (outcome instanceof Outcome.Rejected<TenantKindView> r) {
            show(r);
            return;
        }
        TenantKindView saved = ((Outcome.Ok<TenantKindView>) outcome).value();
        FieldErrors.notify(getTranslation(editing == null ? "kinds.created" : "kinds.updated", saved.code()), NotificationVariant.LUMO_SUCCESS);
        refresh();
        edit(saved);
    }

    /** Each error beside the field it names; nested names (modules[1], vocabulary.x, templates.branches[0].name) beside their root, with the name. */
    private void show(Outcome.Rejected<TenantKindView> rejected) {
        Map<String, HasValidation> fields = fields();
        Map<HasValidation, StringBuilder> text = new LinkedHashMap<>();
        for (FieldError e : rejected.errors()) {
            String root = e.field().split("[.\\[]", 2)[0];
            HasValidation field = fields.get(root);
            if (field == null) {
                continue;
            }
            String message = e.message() != null ? e.message() : messages.get("field." + e.code(), getLocale());
            StringBuilder sb = text.computeIfAbsent(field, f -> new StringBuilder());
            sb.append(sb.isEmpty() ? "" : " / ").append(e.field().equals(root) ? message : e.field() + ": " + message);
        }
        text.forEach((field, message) -> {
            field.setErrorMessage(message.toString());
            field.setInvalid(true);
        });
        if (text.isEmpty()) {
            String key = rejected.code() == ErrorCode.VERSION_CONFLICT ? "kinds.conflict" : null;
            FieldErrors.notify(key != null ? getTranslation(key) : messages.get(rejected.code().messageKey(), getLocale()),
                NotificationVariant.LUMO_ERROR);
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of("code", code, "nameJa", nameJa, "nameEn", nameEn, "modules", modules, "fiscalYearStartMonth", fiscalYearStartMonth,
            "vocabulary", vocabulary, "templates", templates);
    }

    private void clearErrors() {
        FieldErrors.clear(fields());
    }

    /** The JSON of a text area, or null (and the area marked) when it is no JSON of that shape. */
    private <T> T parse(TextArea area, Argument<T> type) {
        String text = area.getValue() == null ? "" : area.getValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(text.getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException | RuntimeException e) {
            area.setErrorMessage(getTranslation("kinds.json"));
            area.setInvalid(true);
            return null;
        }
    }

    private String pretty(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "{}";
        }
    }

    void refresh() {
        LazyGrids.bind(grid, request -> kinds.list(UiSession.require(), request));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths();
    }

    private void relabel() {
        title.setText(getTranslation("kinds.title"));
        code.setLabel(getTranslation("kinds.code"));
        code.setHelperText(getTranslation("kinds.code.help"));
        nameJa.setLabel(getTranslation("kinds.nameJa"));
        nameEn.setLabel(getTranslation("kinds.nameEn"));
        modules.setLabel(getTranslation("kinds.modules"));
        modules.setItemLabelGenerator(m -> getTranslation("module." + m) + " (" + m + ")");
        fiscalYearStartMonth.setLabel(getTranslation("kinds.fiscalYearStartMonth"));
        vocabulary.setLabel(getTranslation("kinds.vocabulary"));
        vocabulary.setHelperText(getTranslation("kinds.vocabulary.help"));
        templates.setLabel(getTranslation("kinds.templates"));
        templates.setHelperText(getTranslation("kinds.templates.help"));
        save.setText(getTranslation("kinds.save"));
        clear.setText(getTranslation("kinds.new"));
        codeColumn.setHeader(getTranslation("kinds.code"));
        nameColumn.setHeader(getTranslation("kinds.name"));
        modulesColumn.setHeader(getTranslation("kinds.modules"));
        monthColumn.setHeader(getTranslation("kinds.fiscalYearStartMonth"));
        grid.setEmptyStateText(getTranslation("kinds.empty"));
    }
}
