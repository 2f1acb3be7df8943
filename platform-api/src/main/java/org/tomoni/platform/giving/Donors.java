package org.tomoni.platform.giving;

import org.tomoni.platform.persistence.TenantScope;

import java.util.UUID;

/** A donor's name and e-mail, read from members for mails and receipts. */
final class Donors {
    private Donors() {
    }

    record Contact(String name, String email) {
    }

    static Contact contact(TenantScope scope, UUID personId) {
        return DonorRepository.contact(scope, personId);
    }
}
