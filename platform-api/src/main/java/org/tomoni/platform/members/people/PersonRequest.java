package org.tomoni.platform.members.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A person as staff enter it. Text fields stay text so that bad input is named field by field;
 * flags absent from a PUT are false.
 */
@Serdeable
public record PersonRequest(@Nullable String familyName, @Nullable String givenName,
                            @Nullable String familyNameKana, @Nullable String givenNameKana,
                            @Nullable String birthDate, @Nullable String email, @Nullable String phone,
                            @Nullable String postalCode, @Nullable String prefecture, @Nullable String city,
                            @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String notes,
                            @Nullable String memberNumber, @Nullable String branchId,
                            @Nullable Boolean newsletterConsent, @Nullable Boolean noPostalMail, @Nullable Boolean noEmail,
                            @Nullable String deceasedOn, @Nullable Boolean sensitive) {

    /** The fields of issue 2's people API, with no member data and no flags. */
    public static PersonRequest basic(String familyName, String givenName, String familyNameKana, String givenNameKana,
                                      String birthDate, String email, String phone, String postalCode, String prefecture,
                                      String city, String addressLine1, String addressLine2, String notes) {
        return new PersonRequest(familyName, givenName, familyNameKana, givenNameKana, birthDate, email, phone, postalCode,
            prefecture, city, addressLine1, addressLine2, notes, null, null, null, null, null, null, null);
    }
}
