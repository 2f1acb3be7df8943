package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.datepicker.DatePicker;

import java.util.List;
import java.util.Locale;

/** Month and weekday names for the date picker in Japanese (Vaadin ships English only). */
public final class JapaneseDatePicker {
    private JapaneseDatePicker() {
    }

    public static DatePicker.DatePickerI18n i18n(Locale locale) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        if ("en".equals(locale.getLanguage())) {
            return i18n.setMonthNames(List.of("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"))
                .setWeekdays(List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"))
                .setWeekdaysShort(List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")).setToday("Today").setCancel("Cancel");
        }
        return i18n.setMonthNames(List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"))
            .setWeekdays(List.of("日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"))
            .setWeekdaysShort(List.of("日", "月", "火", "水", "木", "金", "土"))
            .setFirstDayOfWeek(0).setToday("今日").setCancel("キャンセル")
            .setDateFormat("yyyy/MM/dd");
    }
}
