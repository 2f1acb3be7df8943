package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;

import java.util.Map;

/**
 * What every add/edit form shares: it knows no facade, announces a save (or a cancel) as an
 * event carrying what was typed, names its fields by the domain's error fields so the view can
 * mark a rejection on them, and relabels itself on a language switch.
 *
 * @param <L> the layout the form is drawn in
 * @param <V> what a save hands to the view: the facade's request as typed (or the form's draft)
 */
public abstract class BoundForm<L extends Component, V> extends Composite<L> implements LocaleChangeObserver {

    /** A form drawn in one row wraps onto the next line where the window is too narrow (nothing ends outside it). */
    protected BoundForm() {
        if (getContent() instanceof HorizontalLayout row) {
            row.setWrap(true);
        }
    }

    /** Save (or add) was clicked; {@link #value()} holds what the form shows. */
    public static final class SaveEvent<V> extends ComponentEvent<BoundForm<?, V>> {
        SaveEvent(BoundForm<?, V> source) {
            super(source, false);
        }

        public V value() {
            return getSource().value();
        }
    }

    /** Cancel was clicked. */
    public static final class CancelEvent extends ComponentEvent<BoundForm<?, ?>> {
        CancelEvent(BoundForm<?, ?> source) {
            super(source, false);
        }
    }

    /** What the form holds now, as typed, in the shape the view passes on. */
    public abstract V value();

    /** The form's fields by the names of the domain's field errors. */
    public abstract Map<String, HasValidation> fields();

    /** Sets every text of the form in the UI's current language. */
    protected abstract void relabel();

    protected final void fireSave() {
        fireEvent(new SaveEvent<>(this));
    }

    protected final void fireCancel() {
        fireEvent(new CancelEvent(this));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<SaveEvent<V>> listener) {
        return addListener((Class) SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }
}
