package org.tomoni.platform.members.branches;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record BranchRequest(@Nullable String name, @Nullable String nameKana, @Nullable String notes) {
}
