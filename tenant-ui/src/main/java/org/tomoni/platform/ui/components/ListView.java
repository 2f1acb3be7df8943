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
 */
public abstract class ListView<T> extends LocalizedView {
    /** The list. */
    public final Grid<T> grid = new Grid<>();
    private final String emptyKey;

    /**
     * @param emptyKey what the grid says when it has no rows; {@code null} when the view says it
     *                 elsewhere (a count line above the grid)
     */
    protected ListView(String titleKey, String emptyKey) {
        super(titleKey);
        this.emptyKey = emptyKey;
        grid.setPageSize(LazyGrids.PAGE);
    }

    /** Pages the grid through the query; a refused query shows an empty list. */
    protected final void query(Function<PageRequest, Outcome<Page<T>>> query) {
        LazyGrids.bind(grid, query);
    }

    /** A list small enough to load whole (branches, users, duplicate pairs). */
    protected final void items(List<T> items) {
        grid.setItems(items);
    }

    @Override
    void relabelBase() {
        if (emptyKey != null) {
            grid.setEmptyStateText(getTranslation(emptyKey));
        }
    }

    @Override
    protected void redraw() {
        grid.getDataProvider().refreshAll();
    }
}
