package org.tomoni.platform.members.people;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Two people who are likely one, and why. */
@Serdeable
public record DuplicatePair(DuplicateCandidate first, DuplicateCandidate second, List<String> reasons) {
}
