package org.tomoni.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A tenant's configuration as data: fiscal year start month (April by default), the enabled
 * modules (codes), and vocabulary overrides (a label key → the tenant's own word). Onboarding copies
 * them from the tenant's kind ({@link TenantKindView}); a later change of the kind leaves them as they are.
 */
@Serdeable
public record TenantSettings(int fiscalYearStartMonth, List<String> enabledModules, Map<String, String> vocabulary) {
    public TenantSettings {
        enabledModules = enabledModules == null ? List.of() : List.copyOf(enabledModules);
        vocabulary = vocabulary == null ? Map.of() : Map.copyOf(vocabulary);
    }

    /** What a new tenant of the kind starts with: all the kind's modules, its fiscal year start and its vocabulary. */
    public static TenantSettings defaultsFor(TenantKindView kind) {
        return new TenantSettings(kind.fiscalYearStartMonth(), kind.modules().stream().sorted().toList(), kind.vocabulary());
    }

    public boolean enables(Module module) {
        return enabledModules.contains(module.code());
    }
}
