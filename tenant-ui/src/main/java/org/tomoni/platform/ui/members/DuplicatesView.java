package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.People;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.List;
import java.util.stream.Collectors;

/** Likely duplicates in pairs, each with why; staff merge the second into the first. */
@Route(value = "people/duplicates", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_WRITE)
@Prototype
public class DuplicatesView extends VerticalLayout implements HasDynamicTitle {
    public final Grid<PairRow> grid = new Grid<>();
    public final Span message = new Span();
    private final People people;

    /** One pair as the grid shows it. */
    public record PairRow(java.util.UUID firstId, String first, java.util.UUID secondId, String second, String reasons) {
    }

    DuplicatesView(People people) {
        this.people = people;
        message.setId("duplicates-message");
        grid.addColumn(PairRow::first).setHeader(getTranslation("duplicates.keep")).setAutoWidth(true);
        grid.addColumn(PairRow::second).setHeader(getTranslation("duplicates.merge")).setAutoWidth(true);
        grid.addColumn(PairRow::reasons).setHeader(getTranslation("duplicates.reasons")).setAutoWidth(true);
        grid.addComponentColumn(p -> new Button(getTranslation("duplicates.action"), e -> merge(p)));
        add(new H2(getTranslation("duplicates.title")), message, grid);
        refresh();
    }

    public void merge(PairRow pair) {
        Outcome<?> outcome = people.merge(UiSession.require(), pair.firstId(), pair.secondId().toString());
        refresh();
        message.setText(getTranslation(outcome.isOk() ? "duplicates.merged" : "person.forbidden", pair.second(), pair.first()));
    }

    void refresh() {
        var outcome = people.duplicatePairs(UiSession.require(), PageRequest.of(0, PageRequest.MAX_SIZE));
        List<PairRow> rows = outcome instanceof Outcome.Ok<List<org.tomoni.platform.members.DuplicatePair>> ok ? ok.value().stream()
            .map(p -> new PairRow(p.first().id(), p.first().name() + "（" + p.first().reading() + "）", p.second().id(),
                p.second().name() + "（" + p.second().reading() + "）",
                p.reasons().stream().map(r -> getTranslation("duplicates.reason." + r)).collect(Collectors.joining("・"))))
            .toList() : List.of();
        grid.setItems(rows);
        message.setText(rows.isEmpty() ? getTranslation("duplicates.none") : "");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duplicates.title");
    }
}
