package org.tomoni.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.audit.AuditLog.AuditQuery;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.CsvDownloads;
import org.tomoni.platform.shared.Download;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.CoreRoute;

/** The tenant's audit log, for its admins: newest first, filtered, paged or as CSV. */
@CoreRoute
@Capable(Capability.AUDIT_READ)
@Controller("/api/v1/audit-log")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "audit")
class AuditLogController {
    private final AuditLog log;

    AuditLogController(AuditLog log) {
        this.log = log;
    }

    @Get
    Outcome<AuditLog.AuditPage> list(Actor actor, @Nullable @QueryValue("actor") String actorFilter, @Nullable @QueryValue String action,
                                   @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                   @Nullable @QueryValue String targetType, @Nullable @QueryValue String targetId,
                                   @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return log.list(actor, new AuditQuery(actorFilter, action, from, to, targetType, targetId), PageRequest.of(page, size));
    }

    @Get("/export")
    Outcome<Download> export(Actor actor, @Nullable @QueryValue("actor") String actorFilter, @Nullable @QueryValue String action,
                             @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                             @Nullable @QueryValue String targetType, @Nullable @QueryValue String targetId,
                             @Nullable @QueryValue String encoding) {
        AuditQuery query = new AuditQuery(actorFilter, action, from, to, targetType, targetId);
        return CsvDownloads.streamed(encoding, "audit-log.csv", "監査ログ.csv", enc -> log.export(actor, query, enc));
    }
}
