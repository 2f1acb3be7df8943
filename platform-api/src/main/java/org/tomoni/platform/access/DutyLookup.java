package org.tomoni.platform.access;

import java.util.Set;
import java.util.UUID;

/**
 * The duties a tenant's user holds now (identity stores them; a change shows within the
 * session check's few seconds on every node). The policy asks only when a capability could be
 * held through a duty and the user's role does not give it already.
 */
public interface DutyLookup {
    Set<Duty> dutiesOf(UUID tenantId, UUID userId);
}
