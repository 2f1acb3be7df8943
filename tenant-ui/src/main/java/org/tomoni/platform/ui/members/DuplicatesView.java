package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.people.DuplicatePair;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Likely duplicates in pairs, each with why. Staff merge a pair after choosing, in the confirmation,
 * which record survives; or mark the two as not the same person, and the pair leaves the list.
 */
@Route(value = "people/duplicates", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_WRITE)
@Prototype
public class DuplicatesView extends ListView<DuplicatesView.PairRow> {
    public final Span message = new Span();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<PairRow>> columns = new LinkedHashMap<>();
    private final People people;
    private final Messages messages;
    /** The survivor choice of the merge confirmation last opened. */
    public RadioButtonGroup<UUID> survivor;
    /** What that confirmation says will happen, for the choice made. */
    public final Span mergeOutcome = new Span();

    /** One pair as the grid shows it. */
    public record PairRow(UUID firstId, String first, UUID secondId, String second, String reasons) {
    }

    DuplicatesView(People people, Messages messages) {
        super("duplicates.title", "duplicates.none");
        this.people = people;
        this.messages = messages;
        message.setId("duplicates-message");
        mergeOutcome.setId("duplicates-merge-outcome");
        columns.put("keep", grid.addColumn(PairRow::first).setAutoWidth(true));
        columns.put("merge", grid.addColumn(PairRow::second).setAutoWidth(true));
        columns.put("reasons", grid.addColumn(PairRow::reasons).setAutoWidth(true));
        grid.addComponentColumn(p -> {
            Button merge = new Button(getTranslation("duplicates.action"), e -> confirmMerge(p));
            merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button distinct = new Button(getTranslation("duplicates.notSame"), e -> confirmNotSame(p));
            distinct.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(merge, distinct);
        }).setAutoWidth(true);
        add(title, message, grid);
        localize();
        refresh();
    }

    /**
     * The merge cannot be undone, so it asks first and the user chooses explicitly which record
     * survives (each shown with name, reading and contact); confirming with no choice does nothing.
     */
    public ConfirmDialog confirmMerge(PairRow pair) {
        PersonView one = read(pair.firstId());
        PersonView two = read(pair.secondId());
        RadioButtonGroup<UUID> choice = new RadioButtonGroup<>(getTranslation("duplicates.survivor"));
        choice.setId("duplicates-survivor");
        choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        choice.setItems(pair.firstId(), pair.secondId());
        choice.setItemLabelGenerator(id -> describe(id.equals(pair.firstId()) ? one : two, id.equals(pair.firstId()) ? pair.first() : pair.second()));
        choice.setRequired(true);
        mergeOutcome.setText(getTranslation("duplicates.survivor.none"));
        choice.addValueChangeListener(e -> mergeOutcome.setText(e.getValue() == null ? getTranslation("duplicates.survivor.none")
            : getTranslation("duplicates.merge.outcome", nameOf(pair, e.getValue()), nameOf(pair, other(pair, e.getValue())))));
        ConfirmDialog dialog = Confirmations.of("duplicates-merge-confirm", getTranslation("duplicates.merge.header"),
            getTranslation("duplicates.merge.text"), getTranslation("duplicates.merge.confirm"), getTranslation("gifts.cancel.back"),
            () -> merge(pair, choice.getValue()), choice, mergeOutcome);
        survivor = choice;
        dialog.open();
        return dialog;
    }

    /** Merges the other record of the pair into {@code survivorId}; without a choice, says so and changes nothing. */
    public void merge(PairRow pair, UUID survivorId) {
        if (survivorId == null) {
            message.setText(getTranslation("duplicates.survivor.required"));
            return;
        }
        UUID other = other(pair, survivorId);
        Outcome<?> outcome = people.merge(UiSession.require(), survivorId, other.toString());
        refresh();
        message.setText(outcome.isOk() ? getTranslation("duplicates.merged", nameOf(pair, other), nameOf(pair, survivorId))
            : refusal(outcome));
    }

    /** Marking two as different people hides the pair for good, so it asks first, naming both. */
    public ConfirmDialog confirmNotSame(PairRow pair) {
        ConfirmDialog dialog = Confirmations.of("duplicates-not-same-confirm", getTranslation("duplicates.notSame.header"),
            getTranslation("duplicates.notSame.text", pair.first(), pair.second()), getTranslation("duplicates.notSame.confirm"),
            getTranslation("gifts.cancel.back"), () -> markNotSame(pair));
        dialog.open();
        return dialog;
    }

    public void markNotSame(PairRow pair) {
        Outcome<Void> outcome = people.markNotDuplicate(UiSession.require(), pair.firstId(), pair.secondId().toString());
        refresh();
        message.setText(outcome.isOk() ? getTranslation("duplicates.notSame.done", pair.first(), pair.second()) : refusal(outcome));
    }

    private PersonView read(UUID id) {
        return people.get(UiSession.require(), id) instanceof Outcome.Ok<PersonView> ok ? ok.value() : null;
    }

    /** Name and reading, then the contact on file (e-mail, phone, town), so the user can tell the two apart. */
    private String describe(PersonView p, String nameAndReading) {
        if (p == null) {
            return nameAndReading;
        }
        List<String> contact = new ArrayList<>();
        if (p.email() != null) {
            contact.add(p.email());
        }
        if (p.phone() != null) {
            contact.add(p.phone());
        }
        String town = (p.prefecture() == null ? "" : p.prefecture()) + (p.city() == null ? "" : p.city());
        if (!town.isEmpty()) {
            contact.add(town);
        }
        return nameAndReading + "　" + (contact.isEmpty() ? getTranslation("duplicates.noContact") : String.join("・", contact));
    }

    private static UUID other(PairRow pair, UUID one) {
        return one.equals(pair.firstId()) ? pair.secondId() : pair.firstId();
    }

    private static String nameOf(PairRow pair, UUID id) {
        return id.equals(pair.firstId()) ? pair.first() : pair.second();
    }

    private String refusal(Outcome<?> outcome) {
        Outcome.Rejected<?> r = (Outcome.Rejected<?>) outcome;
        return r.errors().isEmpty() ? messages.get(r.code().messageKey(), getLocale())
            : messages.get("field." + r.errors().get(0).code(), getLocale());
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
