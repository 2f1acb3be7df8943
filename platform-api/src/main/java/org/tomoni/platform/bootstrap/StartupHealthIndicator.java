package org.tomoni.platform.bootstrap;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** DOWN until the launcher's start-up work (migrations, demo provisioning) is done; in /health and /health/readiness. */
@Singleton
@Readiness
class StartupHealthIndicator implements HealthIndicator {
    private final StartupReadiness readiness;

    StartupHealthIndicator(StartupReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean ready = readiness.isReady();
        return Publishers.just(HealthResult.builder("startup", ready ? HealthStatus.UP : HealthStatus.DOWN)
            .details(Map.of("startupComplete", ready)).build());
    }
}
