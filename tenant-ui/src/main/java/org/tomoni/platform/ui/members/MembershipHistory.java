package org.tomoni.platform.ui.members;

import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.ui.components.UiFormat;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * One line of a membership's history in the screen's language, from the event's structure (kind,
 * before, after): e.g. 口数の変更（3口 → 5口）or Units changed (3 units → 5 units). The API's
 * one-line {@code detail} is not read.
 */
final class MembershipHistory {
    private MembershipHistory() {
    }

    /** {@code t} translates a key with arguments (the component's getTranslation). */
    static String content(MembershipView.Event e, BiFunction<String, Object[], String> t, Locale locale) {
        MembershipView.Fields b = e.before();
        MembershipView.Fields a = e.after();
        String kind = t.apply("membership.event." + e.kind(), new Object[0]);
        String what = switch (e.kind()) {
            case "started" -> a == null ? null : t.apply("membership.history.started", new Object[] {a.typeName(), a.units()});
            case "units_changed" -> b == null || a == null ? null : change(t, units(t, b.units()), units(t, a.units()));
            case "start_changed" -> b == null || a == null ? null
                : change(t, UiFormat.date(b.startsOn(), locale), UiFormat.date(a.startsOn(), locale));
            case "active", "lapsed" -> b == null || a == null ? null : change(t, status(t, b.status()), status(t, a.status()));
            case "ended" -> a == null || a.endsOn() == null ? null : UiFormat.date(a.endsOn(), locale);
            default -> null;
        };
        return what == null ? kind : t.apply("memberships.history.line", new Object[] {kind, what});
    }

    private static String change(BiFunction<String, Object[], String> t, String before, String after) {
        return t.apply("membership.history.change", new Object[] {before, after});
    }

    private static String units(BiFunction<String, Object[], String> t, Integer units) {
        return t.apply("membership.history.units", new Object[] {units});
    }

    private static String status(BiFunction<String, Object[], String> t, String code) {
        return code == null ? "" : t.apply("membership.status." + code, new Object[0]);
    }
}
