package org.tomoni.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A kind as the operator writes it: {@code modules} are codes of {@link Module};
 * {@code vocabulary} maps a label key to the kind's own word; {@code templates} holds one array
 * per {@link KindTemplate} key ({@code branches}, {@code membershipTypes}, {@code giftPlans}, …).
 */
@Serdeable
public record TenantKindRequest(@Nullable String code, @Nullable String nameJa, @Nullable String nameEn, @Nullable List<String> modules,
                                @Nullable Integer fiscalYearStartMonth, @Nullable Map<String, String> vocabulary,
                                @Nullable JsonNode templates) {
}
