package org.tomoni.platform.tenancy;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A kind of tenant as the platform operator keeps it: what a new tenant of this kind starts
 * with (its modules, fiscal year, vocabulary and templates). {@code modules} is also the most a
 * tenant of this kind may switch on.
 */
@Serdeable
public record TenantKindView(String code, String nameJa, String nameEn, List<String> modules, int fiscalYearStartMonth,
                             Map<String, String> vocabulary, JsonNode templates, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                             long version) implements Versioned {
    public TenantKindView {
        modules = List.copyOf(modules);
        vocabulary = Map.copyOf(vocabulary);
    }

    public boolean offers(Module module) {
        return modules.contains(module.code());
    }

    public boolean offers(String moduleCode) {
        return modules.contains(moduleCode);
    }
}
