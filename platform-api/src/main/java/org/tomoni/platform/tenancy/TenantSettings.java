package org.tomoni.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A tenant's configuration as data: fiscal year start month (April by default), the enabled
 * modules (codes), and vocabulary overrides (a label key → the tenant's own word).
 */
@Serdeable
public record TenantSettings(int fiscalYearStartMonth, List<String> enabledModules, Map<String, String> vocabulary) {
    public TenantSettings {
        enabledModules = enabledModules == null ? List.of() : List.copyOf(enabledModules);
        vocabulary = vocabulary == null ? Map.of() : Map.copyOf(vocabulary);
    }

    public static TenantSettings defaultsFor(TenantKind kind) {
        return new TenantSettings(4, kind.defaultModules().stream().map(Module::code).sorted().toList(), Map.of());
    }

    public boolean enables(Module module) {
        return enabledModules.contains(module.code());
    }
}
