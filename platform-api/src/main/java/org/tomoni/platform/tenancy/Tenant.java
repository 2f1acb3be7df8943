package org.tomoni.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant as the registry holds it. */
@Serdeable
public record Tenant(UUID id, String slug, String nameJa, String nameEn, String kind, TenantSettings settings,
                     String status, OffsetDateTime createdAt, long version) {
}
