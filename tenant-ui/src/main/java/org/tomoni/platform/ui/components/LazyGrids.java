package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.grid.Grid;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;

import java.util.function.Function;

/** Binds a grid to a paged domain query: Vaadin asks for offset/limit, the domain answers pages. */
public final class LazyGrids {
    /** Rows a grid fetches per page. */
    public static final int PAGE = 50;

    private LazyGrids() {
    }

    public static <T> void bind(Grid<T> grid, Function<PageRequest, Page<T>> pages) {
        grid.setItems(query -> pages.apply(new PageRequest(query.getOffset() / Math.max(1, query.getLimit()), query.getLimit())).items().stream(),
            query -> (int) Math.min(Integer.MAX_VALUE, pages.apply(PageRequest.of(0, 1)).total()));
    }
}
