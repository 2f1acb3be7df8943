package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.grid.Grid;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.function.Function;

/** Binds a grid to a paged domain query: Vaadin asks for offset/limit, the domain answers pages. */
public final class LazyGrids {
    /** Rows a grid fetches per page. */
    public static final int PAGE = 50;

    private LazyGrids() {
    }

    public static <T> void bind(Grid<T> grid, Function<PageRequest, Outcome<Page<T>>> query) {
        grid.setItems(q -> orEmpty(query, new PageRequest(q.getOffset() / Math.max(1, q.getLimit()), q.getLimit())).items().stream(),
            q -> (int) Math.min(Integer.MAX_VALUE, orEmpty(query, PageRequest.of(0, 1)).total()));
    }

    /** The page the query answers, or an empty one when it refuses (the list then says it is empty). */
    public static <T> Page<T> orEmpty(Function<PageRequest, Outcome<Page<T>>> query, PageRequest request) {
        return query.apply(request) instanceof Outcome.Ok<Page<T>> ok ? ok.value() : new Page<>(List.of(), 0, 0, request.size());
    }
}
