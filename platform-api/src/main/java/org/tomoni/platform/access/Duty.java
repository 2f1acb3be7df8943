package org.tomoni.platform.access;

import org.tomoni.platform.tenancy.Module;

import java.util.Arrays;
import java.util.Optional;

/**
 * A duty a tenant admin grants to a user, on top of the user's role: what the user is assigned to
 * within one module. A duty counts only while the tenant has its module enabled. The one list of
 * duties; a module adds its own here (and names it on the capabilities it grants).
 */
public enum Duty {
    /** Caseworker of the children's fund: its beneficiaries and applicants (sensitive people). */
    CHILDFUND_CASEWORK("childfund.casework", Module.CHILDFUND),
    /** Case worker of the consultation centre, assigned to its cases and their clients (sensitive people). */
    CONSULTATIONS_CASES("consultations.cases", Module.CONSULTATIONS);

    private final String code;
    private final Module module;

    Duty(String code, Module module) {
        this.code = code;
        this.module = module;
    }

    public String code() {
        return code;
    }

    public Module module() {
        return module;
    }

    public static Optional<Duty> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
