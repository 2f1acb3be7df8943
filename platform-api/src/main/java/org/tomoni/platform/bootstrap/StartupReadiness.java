package org.tomoni.platform.bootstrap;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether start-up work is done. The launcher starts the context with
 * {@code platform.startup.wait-for-launcher=true} and marks it ready once migrations ran and the demo
 * is provisioned; until then health answers DOWN (503), so a script that waits for health can log
 * in right after. A context started another way (tests) has no launcher to wait for and is ready.
 */
@Singleton
public class StartupReadiness {
    private final AtomicBoolean ready;

    StartupReadiness(@Value("${platform.startup.wait-for-launcher:false}") boolean waitForLauncher) {
        this.ready = new AtomicBoolean(!waitForLauncher);
    }

    public boolean isReady() {
        return ready.get();
    }

    void markReady() {
        ready.set(true);
    }
}
