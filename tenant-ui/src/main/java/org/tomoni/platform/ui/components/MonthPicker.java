package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.combobox.ComboBox;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A month: a year back to a year ahead to choose from, shown as 2027年1月, any other month typed in
 * as 2027-01. The text goes to the domain as it is, which says whether it is a month.
 */
public final class MonthPicker {
    private MonthPicker() {
    }

    /** Next month in Tokyo, by the platform's clock. */
    public static String nextMonth(Clock clock) {
        return YearMonth.now(clock.withZone(UiFormat.TOKYO)).plusMonths(1).toString();
    }

    public static ComboBox<String> create(Clock clock) {
        YearMonth next = YearMonth.parse(nextMonth(clock));
        List<String> months = new ArrayList<>();
        for (int i = -12; i <= 12; i++) {
            months.add(next.plusMonths(i).toString());
        }
        ComboBox<String> box = new ComboBox<>();
        box.setItems(months);
        box.setAllowCustomValue(true);
        // Shown as 2027年1月 (January 2027 in English); typed as 2027-01, the value the domain reads.
        box.setItemLabelGenerator(m -> UiFormat.month(m, com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.JAPANESE
            : com.vaadin.flow.component.UI.getCurrent().getLocale()));
        box.setPlaceholder(next.toString());
        box.addCustomValueSetListener(e -> {
            String typed = e.getDetail() == null ? "" : e.getDetail().strip();
            if (typed.isEmpty()) {
                box.clear();
                return;
            }
            if (!months.contains(typed)) {
                months.add(typed);
                box.setItems(months);
            }
            box.setValue(typed);
        });
        box.setValue(next.toString());
        return box;
    }
}
