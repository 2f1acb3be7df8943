package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import org.tomoni.platform.shared.PostalCodes;
import org.tomoni.platform.shared.PostalCodes.Address;

import java.util.List;

/**
 * Postal code → address under a postal code field. When the person types a 7-digit code (hyphen, full-width and 〒
 * accepted) the address goes into the prefecture, city and town fields that are still EMPTY; when a field already holds
 * something else, or the code has several towns (even in two prefectures), the candidates are offered as buttons and
 * only a choice fills them (and even then, what was typed after the town stays). An unknown code gives a gentle hint;
 * the domain, not the look-up, judges the code. Nothing happens when the form shows a stored record: only what the
 * person types triggers the look-up.
 */
public class AddressLookup extends Div implements LocaleChangeObserver {
    private final TextField postalCode;
    private final ComboBox<String> prefecture;
    private final TextField city;
    private final TextField town;
    private final String idPrefix;
    private final Span hint = new Span();
    private final Div choices = new Div();
    private PostalCodes codes;
    private List<Address> found = List.of();
    /** What the hint says, as a key and arguments, so a language switch can say it again. */
    private String hintKey;
    private Object[] hintArgs = new Object[0];

    public AddressLookup(String idPrefix, TextField postalCode, ComboBox<String> prefecture, TextField city, TextField town) {
        this.idPrefix = idPrefix;
        this.postalCode = postalCode;
        this.prefecture = prefecture;
        this.city = city;
        this.town = town;
        setId(idPrefix + "-address-lookup");
        hint.setId(idPrefix + "-address-hint");
        choices.setId(idPrefix + "-address-choices");
        getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
            .set("max-width", "100%").set("overflow-wrap", "anywhere");
        choices.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)").set("max-width", "100%");
        add(hint, choices);
        setVisible(false);
        postalCode.setValueChangeMode(ValueChangeMode.LAZY);
        postalCode.addValueChangeListener(e -> {
            if (e.isFromClient() && codes != null) {
                lookUp(e.getValue());
            }
        });
    }

    /** Turns the look-up on with the table to use. */
    public void use(PostalCodes postalCodes) {
        this.codes = postalCodes;
    }

    /** Forgets the hint and the candidates (a new, empty form). */
    public void clear() {
        choices.removeAll();
        found = List.of();
        say(null);
    }

    /** The candidates on offer (empty when the fields were filled or nothing was found). */
    public List<Address> offered() {
        return choices.getChildren().findAny().isPresent() ? found : List.of();
    }

    void lookUp(String typed) {
        choices.removeAll();
        if (PostalCodes.normalize(typed).isEmpty()) {
            say(null);
            return;
        }
        found = codes.lookup(typed);
        if (found.isEmpty()) {
            say("address.lookup.unknown", displayed(typed));
            return;
        }
        if (found.size() == 1 && fitsWhatIsTyped(found.get(0))) {
            boolean filled = fillEmpty(found.get(0));
            say(filled ? "address.lookup.filled" : null);
            return;
        }
        say(found.size() == 1 ? "address.lookup.differs" : "address.lookup.choose", found.size());
        for (int i = 0; i < found.size(); i++) {
            Address a = found.get(i);
            Button choice = new Button(label(a), e -> choose(a));
            choice.setId(idPrefix + "-address-choice-" + i);
            choice.addThemeVariants(ButtonVariant.LUMO_SMALL);
            choice.getStyle().set("max-width", "100%").set("height", "auto").set("min-height", "var(--lumo-size-s)").set("white-space", "normal");
            choices.add(choice);
        }
    }

    private static String displayed(String typed) {
        return org.tomoni.platform.shared.JapaneseText.formatPostalCode(PostalCodes.normalize(typed).orElse(typed));
    }

    /** True when every field is empty or already says what the candidate says. */
    private boolean fitsWhatIsTyped(Address a) {
        return (blank(prefecture.getValue()) || prefecture.getValue().equals(a.prefecture()))
            && (blank(city.getValue()) || city.getValue().strip().equals(a.city()))
            && (blank(town.getValue()) || a.town().isEmpty() || town.getValue().strip().startsWith(a.town()));
    }

    /** Fills the empty fields only; true when any was filled. */
    private boolean fillEmpty(Address a) {
        boolean filled = false;
        if (blank(prefecture.getValue())) {
            prefecture.setValue(a.prefecture());
            filled = true;
        }
        if (blank(city.getValue())) {
            city.setValue(a.city());
            filled = true;
        }
        if (blank(town.getValue()) && !a.town().isEmpty()) {
            town.setValue(a.town());
            filled = true;
        }
        return filled;
    }

    /** The person chose this address: prefecture and city become it; the town goes first in the town field, what followed it stays. */
    void choose(Address a) {
        prefecture.setValue(a.prefecture());
        city.setValue(a.city());
        String typed = town.getValue() == null ? "" : town.getValue();
        if (!a.town().isEmpty() && !typed.strip().startsWith(a.town())) {
            String rest = typed;
            for (Address other : found) {
                if (!other.town().isEmpty() && typed.strip().startsWith(other.town())) {
                    rest = typed.strip().substring(other.town().length());
                    break;
                }
            }
            town.setValue(rest.isBlank() ? a.town() : typed.equals(rest) ? typed : a.town() + rest);
        }
        choices.removeAll();
        say("address.lookup.chosen");
    }

    private String label(Address a) {
        return String.join(" ", a.prefecture(), a.city(), a.town()).strip();
    }

    private void say(String key, Object... args) {
        hintKey = key;
        hintArgs = args;
        hint.setText(key == null ? "" : getTranslation(key, args));
        setVisible(key != null);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (hintKey != null) {
            hint.setText(getTranslation(hintKey, hintArgs));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
