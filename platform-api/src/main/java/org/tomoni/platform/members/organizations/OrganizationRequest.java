package org.tomoni.platform.members.organizations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An organisation as staff enter it. */
@Serdeable
public record OrganizationRequest(@Nullable String name, @Nullable String nameKana, @Nullable String kind,
                                  @Nullable String email, @Nullable String phone, @Nullable String website,
                                  @Nullable String postalCode, @Nullable String prefecture, @Nullable String city,
                                  @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String notes,
                                  @Nullable String memberNumber, @Nullable String branchId) {
}
