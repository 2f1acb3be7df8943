package org.tomoni.platform.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the launcher at its provisioning step until a test releases it, so the test sees start-up
 * in progress: the launcher asks for {@link DemoProvisioning} only once the context is up, and this
 * listener blocks that request.
 */
@Singleton
@Requires(property = "test.hold-provisioning", value = "true")
class HeldDemoProvisioning implements BeanCreatedEventListener<DemoProvisioning> {
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @Override
    public DemoProvisioning onCreated(BeanCreatedEvent<DemoProvisioning> event) {
        entered.countDown();
        try {
            if (!release.await(180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released provisioning");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return event.getBean();
    }
}
