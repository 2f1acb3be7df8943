package org.tomoni.platform.giving;

/**
 * A card payment provider, shaped after PAY.JP / Stripe: the browser turns the card into a
 * one-time token at the provider, the platform keeps a customer id, and each charge carries an
 * idempotency key so a retried charge is not taken twice.
 */
public interface CardGateway {
    /** A customer for the card token; empty reason on success. */
    Result createCustomer(String cardToken, String email, String description);

    /** Charges the customer in yen; the key makes a retry safe. */
    Result charge(String customerId, long amountYen, String idempotencyKey, String description);

    /** {@code id}: the provider's customer or charge id; {@code declineCode} when it failed. */
    record Result(boolean ok, String id, String declineCode) {
        public static Result success(String id) {
            return new Result(true, id, null);
        }

        public static Result declined(String code) {
            return new Result(false, null, code);
        }
    }
}
