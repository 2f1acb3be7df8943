package org.tomoni.platform.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A person as staff enter it; every field is text so that bad input is named, not rejected whole. */
@Serdeable
public record PersonRequest(@Nullable String familyName, @Nullable String givenName,
                            @Nullable String familyNameKana, @Nullable String givenNameKana,
                            @Nullable String birthDate, @Nullable String email, @Nullable String phone,
                            @Nullable String postalCode, @Nullable String prefecture, @Nullable String city,
                            @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String notes) {
}
