package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.people.DuplicatePair;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Likely duplicates in pairs, each with why; staff merge the second into the first. */
@Route(value = "people/duplicates", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_WRITE)
@Prototype
public class DuplicatesView extends ListView<DuplicatesView.PairRow> {
    public final Span message = new Span();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<PairRow>> columns = new LinkedHashMap<>();
    private final People people;

    /** One pair as the grid shows it. */
    public record PairRow(UUID firstId, String first, UUID secondId, String second, String reasons) {
    }

    DuplicatesView(People people) {
        super("duplicates.title", "duplicates.none");
        this.people = people;
        message.setId("duplicates-message");
        columns.put("keep", grid.addColumn(PairRow::first).setAutoWidth(true));
        columns.put("merge", grid.addColumn(PairRow::second).setAutoWidth(true));
        columns.put("reasons", grid.addColumn(PairRow::reasons).setAutoWidth(true));
        grid.addComponentColumn(p -> new Button(getTranslation("duplicates.action"), e -> merge(p)));
        add(title, message, grid);
        localize();
        refresh();
    }

    public void merge(PairRow pair) {
        Outcome<?> outcome = people.merge(UiSession.require(), pair.firstId(), pair.secondId().toString());
        refresh();
        message.setText(getTranslation(outcome.isOk() ? "duplicates.merged" : "person.forbidden", pair.second(), pair.first()));
    }

    /** The pairs, their reasons in the user's language. */
    void refresh() {
        var outcome = people.duplicatePairs(UiSession.require(), PageRequest.of(0, PageRequest.MAX_SIZE));
        items(outcome instanceof Outcome.Ok<List<DuplicatePair>> ok ? ok.value().stream()
            .map(p -> new PairRow(p.first().id(), p.first().name() + "（" + p.first().reading() + "）", p.second().id(),
                p.second().name() + "（" + p.second().reading() + "）",
                p.reasons().stream().map(r -> getTranslation("duplicates.reason." + r)).collect(Collectors.joining("・"))))
            .toList() : List.of());
        message.setText("");
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("duplicates.title"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("duplicates." + key)));
    }

    @Override
    protected void redraw() {
        refresh();
    }
}
