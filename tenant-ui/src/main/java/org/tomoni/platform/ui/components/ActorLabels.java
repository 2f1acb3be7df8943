package org.tomoni.platform.ui.components;

import org.tomoni.platform.identity.StaffNames;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * "Who" in a history line, as staff read it: a colleague by name, the platform's own actors (the public sign-up form, a
 * donor's link, the scheduler, …) by what they are, in the UI's language; never a user id or an internal name. One
 * instance per view and language: it remembers the names it has looked up.
 */
public final class ActorLabels {
    private final StaffNames staffNames;
    private final Function<String, String> translate;
    private final Map<String, String> labels = new HashMap<>();

    public ActorLabels(StaffNames staffNames, Function<String, String> translate) {
        this.staffNames = staffNames;
        this.translate = translate;
    }

    public String of(String auditName) {
        if (auditName == null || auditName.isBlank()) {
            return "";
        }
        return labels.computeIfAbsent(auditName, this::lookUp);
    }

    private String lookUp(String auditName) {
        if (staffNames.of(UiSession.require(), List.of(auditName)) instanceof Outcome.Ok<Map<String, String>> ok
            && ok.value().containsKey(auditName)) {
            return ok.value().get(auditName);
        }
        int at = auditName.indexOf('@');
        String principal = (at < 0 ? auditName : auditName.substring(0, at)).replaceFirst("^job:", "");
        if (Ids.parse(principal).isPresent()) {
            return translate.apply("actor.unknownUser");
        }
        String label = translate.apply("actor." + principal);
        return label.startsWith("!") ? translate.apply("actor.system") : label;
    }
}
