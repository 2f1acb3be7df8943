package org.tomoni.platform.bootstrap;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.reactivestreams.Publisher;

/**
 * {@code /health} on the API port, for load balancers and start-up scripts: {@code {"status":"UP"}}
 * (200) or {@code {"status":"DOWN"}} (503), never the details (JDBC URL, versions, disk). It is DOWN
 * until start-up work is done ({@link StartupReadiness}). The full report and the metrics are on the
 * management port only.
 */
@Capable(Capability.PUBLIC)
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class PublicHealthController {
    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @Serdeable
    record Status(String status) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @SingleResult
    Publisher<HttpResponse<Status>> health() {
        return Publishers.map(health.getHealth(null), result -> result.getStatus().getOperational().orElse(true)
            ? HttpResponse.ok(new Status("UP"))
            : HttpResponse.<Status>status(HttpStatus.SERVICE_UNAVAILABLE).body(new Status("DOWN")));
    }
}
