package org.tomoni.platform.giving;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A card provider double with PAY.JP's behaviour where it matters: tokens become customers,
 * tokens containing "decline" are refused, a customer made from a "…fails" token is declined at
 * charge time, and a charge repeated with the same idempotency key is taken once.
 */
@Singleton
@Replaces(UnconfiguredCardGateway.class)
@Requires(property = "test.card-gateway", value = "fake")
class FakeCardGateway implements CardGateway {
    final Map<String, Long> charges = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Result createCustomer(String cardToken, String email, String description) {
        return cardToken.contains("decline") ? Result.declined("card_declined") : Result.success("cus_" + cardToken.substring(4));
    }

    @Override
    public Result charge(String customerId, long amountYen, String idempotencyKey, String description) {
        calls.incrementAndGet();
        if (customerId.endsWith("fails")) {
            return Result.declined("insufficient_funds");
        }
        charges.putIfAbsent(idempotencyKey, amountYen);
        return Result.success("ch_" + idempotencyKey);
    }
}
