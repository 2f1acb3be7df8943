package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.List;
import java.util.Map;

/** Gift plans (寄付プラン): everyone reads the list; tenant admins add plans. */
@Route(value = "giving/plans", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class GiftPlansView extends ListView<PlanView> {
    static final List<String> INTERVALS = List.of("monthly", "yearly", "once");
    final H2 title = new H2();
    final TextField name = new TextField();
    final IntegerField unitAmount = new IntegerField();
    final Select<String> interval = new Select<>();
    final TextField purpose = new TextField();
    final Checkbox published = new Checkbox();
    final Button add = new Button();
    final HorizontalLayout form;
    private final Span yenSuffix = new Span();
    private final Grid.Column<PlanView> nameColumn;
    private final Grid.Column<PlanView> amountColumn;
    private final Grid.Column<PlanView> intervalColumn;
    private final Grid.Column<PlanView> purposeColumn;
    private final Grid.Column<PlanView> publishedColumn;
    private final GiftPlans plans;
    private final Messages messages;

    GiftPlansView(GiftPlans plans, Messages messages) {
        super("plans.title", "plans.empty");
        this.plans = plans;
        this.messages = messages;
        name.setId("plan-name");
        unitAmount.setId("plan-unit-amount");
        unitAmount.setMin(1);
        unitAmount.setSuffixComponent(yenSuffix);
        interval.setId("plan-interval");
        interval.setItems(INTERVALS);
        interval.setItemLabelGenerator(i -> getTranslation("interval." + i));
        interval.setValue("monthly");
        purpose.setId("plan-purpose");
        published.setId("plan-published");
        published.setValue(true);
        add.setId("plan-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> create());
        form = new HorizontalLayout(name, unitAmount, interval, purpose, published, add);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setVisible(UiSession.allows(Capability.GIVING_SETTINGS));

        nameColumn = grid.addColumn(PlanView::name).setKey("name").setAutoWidth(true);
        amountColumn = grid.addColumn(p -> UiFormat.yen(p.unitAmount(), getLocale())).setKey("unitAmount");
        intervalColumn = grid.addColumn(p -> getTranslation("interval." + p.interval())).setKey("interval");
        purposeColumn = grid.addColumn(p -> p.purpose() == null ? "" : p.purpose()).setKey("purpose").setAutoWidth(true);
        publishedColumn = grid.addColumn(p -> getTranslation(p.published() ? "plans.published.yes" : "plans.published.no")).setKey("published");
        add(title, form, grid);
        localize();
        refresh();
    }

    void create() {
        Map<String, HasValidation> fields = Map.of("name", name, "unitAmount", unitAmount, "interval", interval, "purpose", purpose);
        Outcome<PlanView> outcome = plans.create(UiSession.require(), new PlanRequest(name.getValue(),
            unitAmount.getValue() == null ? null : unitAmount.getValue().longValue(), interval.getValue(), purpose.getValue(),
            published.getValue()));
        if (outcome instanceof Outcome.Rejected<PlanView> r) {
            FieldErrors.show(r, fields, messages, getLocale());
            return;
        }
        FieldErrors.clear(fields);
        FieldErrors.notify(getTranslation("plans.added", ((Outcome.Ok<PlanView>) outcome).value().name()), NotificationVariant.LUMO_SUCCESS);
        name.clear();
        unitAmount.clear();
        purpose.clear();
        interval.setValue("monthly");
        published.setValue(true);
        refresh();
    }

    void refresh() {
        query(this::page);
    }

    private Outcome<Page<PlanView>> page(PageRequest request) {
        return plans.list(UiSession.require(), request);
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("plans.title"));
        name.setLabel(getTranslation("plans.name"));
        unitAmount.setLabel(getTranslation("plans.unitAmount"));
        yenSuffix.setText(getTranslation("plans.yenSuffix"));
        interval.setLabel(getTranslation("plans.interval"));
        interval.setItemLabelGenerator(i -> getTranslation("interval." + i));
        purpose.setLabel(getTranslation("plans.purpose"));
        purpose.setHelperText(getTranslation("plans.purpose.help"));
        published.setLabel(getTranslation("plans.published"));
        add.setText(getTranslation("plans.add"));
        nameColumn.setHeader(getTranslation("plans.name"));
        amountColumn.setHeader(getTranslation("plans.unitAmount"));
        intervalColumn.setHeader(getTranslation("plans.interval"));
        purposeColumn.setHeader(getTranslation("plans.purpose"));
        publishedColumn.setHeader(getTranslation("plans.published"));
    }
}
