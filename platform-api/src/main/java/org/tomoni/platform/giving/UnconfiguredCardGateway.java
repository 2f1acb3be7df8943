package org.tomoni.platform.giving;

import jakarta.inject.Singleton;

/**
 * The gateway while no card provider is configured: every card attempt is declined with
 * {@code card_not_configured}, so sign-ups fall back to direct debit and runs mark card gifts as
 * errors instead of pretending to collect.
 */
@Singleton
class UnconfiguredCardGateway implements CardGateway {
    @Override
    public Result createCustomer(String cardToken, String email, String description) {
        return Result.declined("card_not_configured");
    }

    @Override
    public Result charge(String customerId, long amountYen, String idempotencyKey, String description) {
        return Result.declined("card_not_configured");
    }
}
