package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A view that follows the language switch: every text it shows is set in {@link #relabel()}, which
 * runs when the view is built and again on every change of the UI's language; what shows data in
 * words (grid cells, a detail, a summary) is drawn again in {@link #redraw()}. A view that sets a
 * label anywhere else would keep the old language, which {@code LanguageSwitchWalkerIT} catches.
 */
public abstract class LocalizedView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {
    private final String titleKey;

    protected LocalizedView(String titleKey) {
        this.titleKey = titleKey;
    }

    /** Sets every label, title, helper and header in the UI's language. */
    protected abstract void relabel();

    /** Draws again what shows data in words; nothing by default. */
    protected void redraw() {
    }

    /** What the base itself labels (the list's empty state); before {@link #relabel()}. */
    void relabelBase() {
    }

    /** Call last in the constructor, when every component exists. */
    protected final void localize() {
        relabelBase();
        relabel();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        localize();
        redraw();
        recalculateColumnWidths(this);
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }

    /** The lists size their columns to the texts of the new language (an English cell is longer than the Japanese it replaces). */
    private static void recalculateColumnWidths(Component component) {
        if (component instanceof Grid<?> grid) {
            grid.recalculateColumnWidths();
        }
        component.getChildren().forEach(LocalizedView::recalculateColumnWidths);
    }

    /** The translation of {@code key}, or {@code fallback} for a code the translations do not know (a status added later). */
    protected String translateOr(String key, String fallback) {
        String text = getTranslation(key);
        return text.startsWith("!") ? fallback : text;
    }
}
