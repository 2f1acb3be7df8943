/**
 * The one shape of persistence: generated jOOQ tables ({@code org.tomoni.platform.schema}), touched
 * only by {@code *Repository} classes, which receive a {@link org.tomoni.platform.persistence.TenantScope}
 * (or a {@link org.tomoni.platform.persistence.PlatformScope} for the few global tables) that stamps
 * tenant and audit columns itself. See the README, "How to add a table".
 */
package org.tomoni.platform.persistence;
