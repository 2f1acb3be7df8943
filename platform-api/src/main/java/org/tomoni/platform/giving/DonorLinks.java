package org.tomoni.platform.giving;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.LinkSigner;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed links that let a donor manage a gift without an account: the tenant, the gift and an
 * expiry, signed with the platform's key. A link cannot be forged or moved to another gift or
 * tenant; it lapses after a year, and every mail carries a fresh one.
 */
@Singleton
public class DonorLinks {
    private static final Duration LIFETIME = Duration.ofDays(365);
    private final LinkSigner secrets;
    private final Clock clock;
    private final String publicBaseUrl;

    DonorLinks(LinkSigner secrets, Clock clock, @Value("${platform.public-base-url:`http://localhost:8081`}") String publicBaseUrl) {
        this.secrets = secrets;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Whose gift a valid token names. */
    public record Target(UUID tenantId, UUID giftId) {
    }

    public String token(UUID tenantId, UUID giftId) {
        return secrets.seal(tenantId.toString(), giftId.toString(), Long.toString(clock.instant().plus(LIFETIME).getEpochSecond()));
    }

    /** The page where the donor views and changes the gift. */
    public String url(UUID tenantId, UUID giftId) {
        return publicBaseUrl + "/public/gift/" + token(tenantId, giftId);
    }

    public Optional<Target> verify(String token) {
        try {
            return secrets.open(token, 3).filter(parts -> Long.parseLong(parts[2]) >= clock.instant().getEpochSecond())
                .map(parts -> new Target(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
