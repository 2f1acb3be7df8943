package org.tomoni.platform.members.people;

import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Likely duplicates: the same reading and birth date, the same e-mail, or the same phone.
 * Reported on create and import; listed in pairs for staff to review and merge.
 */
final class Duplicates {
    static final String SAME_READING_AND_BIRTH_DATE = "same_reading_and_birth_date";
    static final String SAME_EMAIL = "same_email";
    static final String SAME_PHONE = "same_phone";

    private Duplicates() {
    }

    static List<DuplicateCandidate> candidates(TenantScope scope, PersonData p, UUID self, boolean includeSensitive) {
        return PeopleRepository.matches(scope, p, self, includeSensitive).stream()
            .map(m -> new DuplicateCandidate(m.id(), m.familyName() + " " + m.givenName(), m.familyNameKana() + " " + m.givenNameKana(),
                reasons(p, m)))
            .toList();
    }

    private static List<String> reasons(PersonData p, PeopleRepository.Match m) {
        List<String> reasons = new ArrayList<>();
        if (p.birthDate() != null && p.birthDate().equals(m.birthDate()) && p.familyNameKana().equals(m.familyNameKana())
            && p.givenNameKana().equals(m.givenNameKana())) {
            reasons.add(SAME_READING_AND_BIRTH_DATE);
        }
        if (p.email() != null && p.email().equals(m.email())) {
            reasons.add(SAME_EMAIL);
        }
        if (p.phone() != null && p.phone().equals(m.phone())) {
            reasons.add(SAME_PHONE);
        }
        return reasons;
    }

    /** Every likely-duplicate pair of the tenant, each once (first id < second id), with every reason it has. */
    static List<DuplicatePair> pairs(TenantScope scope, boolean includeSensitive, PageRequest page) {
        Map<List<UUID>, DuplicatePair> pairs = new LinkedHashMap<>();
        add(pairs, PeopleRepository.pairs(scope, PeopleRepository.Same.READING_AND_BIRTH_DATE, includeSensitive), SAME_READING_AND_BIRTH_DATE);
        add(pairs, PeopleRepository.pairs(scope, PeopleRepository.Same.EMAIL, includeSensitive), SAME_EMAIL);
        add(pairs, PeopleRepository.pairs(scope, PeopleRepository.Same.PHONE, includeSensitive), SAME_PHONE);
        return pairs.values().stream().skip(page.offset()).limit(page.size()).toList();
    }

    private static void add(Map<List<UUID>, DuplicatePair> pairs, List<DuplicatePair> found, String reason) {
        for (DuplicatePair p : found) {
            List<UUID> key = List.of(p.first().id(), p.second().id());
            DuplicatePair existing = pairs.get(key);
            List<String> reasons = new ArrayList<>(existing == null ? List.of() : existing.reasons());
            reasons.add(reason);
            pairs.put(key, new DuplicatePair(existing == null ? p.first() : existing.first(), existing == null ? p.second() : existing.second(),
                reasons));
        }
    }
}
