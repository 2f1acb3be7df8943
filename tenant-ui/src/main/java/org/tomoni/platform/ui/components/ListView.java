package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.grid.Grid;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.function.Function;

/**
 * A view around one list: the grid, paged lazily through a domain query ({@link #query}) or given
 * whole ({@link #items}), its empty state in the user's language, and on a language switch the
 * headers (in {@link #relabel()}) and the cells drawn again.
 *
 * <p>The empty state says what to do next, in two ways: with nothing recorded yet (the view's
 * {@code emptyKey}: how to add the first, e.g. 「『新規登録』で追加するか、CSVで取り込んでください。」),
 * and with nothing matching the search or filter (its {@code noMatchKey}: change the filter), as
 * the view's {@link #filtered()} says. The grid shows it, or the view's count line above the grid
 * ({@link #emptyText()}) when the view says so.
 */
public abstract class ListView<T> extends LocalizedView {
    /** The list. */
    public final Grid<T> grid = new Grid<>();
    private final String emptyKey;
    private final String noMatchKey;
    private final boolean inGrid;

    /**
     * @param emptyKey what the grid says when nothing is recorded yet (and what to do about it);
     *                 {@code null} when the view says it elsewhere
     */
    protected ListView(String titleKey, String emptyKey) {
        this(titleKey, emptyKey, null, true);
    }

    /**
     * @param emptyKey   what the list says when nothing is recorded yet, and how to add the first
     * @param noMatchKey what it says when the search or a filter ({@link #filtered()}) leaves nothing
     * @param inGrid     {@code false} when the view shows {@link #emptyText()} on its own count line instead of the grid
     */
    protected ListView(String titleKey, String emptyKey, String noMatchKey, boolean inGrid) {
        super(titleKey);
        this.emptyKey = emptyKey;
        this.noMatchKey = noMatchKey;
        this.inGrid = inGrid;
        grid.setPageSize(LazyGrids.PAGE);
    }

    /** Whether a search or filter narrows the list now (an empty list then says to change it). */
    protected boolean filtered() {
        return false;
    }

    /** What the empty list says now, in the user's language: nothing yet (what to do), or nothing matches. */
    public final String emptyText() {
        String key = filtered() && noMatchKey != null ? noMatchKey : emptyKey;
        return key == null ? "" : getTranslation(key);
    }

    /** Pages the grid through the query; a refused query shows an empty list. */
    protected final void query(Function<PageRequest, Outcome<Page<T>>> query) {
        LazyGrids.bind(grid, query);
        showEmptyState();
    }

    /** A list small enough to load whole (branches, users, duplicate pairs). */
    protected final void items(List<T> items) {
        grid.setItems(items);
        showEmptyState();
    }

    private void showEmptyState() {
        if (inGrid && emptyKey != null) {
            grid.setEmptyStateText(emptyText());
        }
    }

    @Override
    void relabelBase() {
        showEmptyState();
    }

    @Override
    protected void redraw() {
        grid.getDataProvider().refreshAll();
    }
}
