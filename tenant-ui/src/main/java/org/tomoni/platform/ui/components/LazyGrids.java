package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
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

    /**
     * A column of long unbroken text (e-mail addresses): a lazy list sizes its columns by the first rows, so a longer
     * value further on wraps at any character instead of being cut.
     */
    public static <T> Grid.Column<T> breakable(Grid<T> grid, ValueProvider<T, String> value) {
        return grid.addColumn(LitRenderer.<T>of("<span style=\"white-space: normal; overflow-wrap: anywhere\">${item.text}</span>")
            .withProperty("text", item -> {
                String text = value.apply(item);
                return text == null ? "" : text;
            }));
    }

    /** The page the query answers, or an empty one when it refuses (the list then says it is empty). */
    public static <T> Page<T> orEmpty(Function<PageRequest, Outcome<Page<T>>> query, PageRequest request) {
        return query.apply(request) instanceof Outcome.Ok<Page<T>> ok ? ok.value() : new Page<>(List.of(), 0, 0, request.size());
    }
}
