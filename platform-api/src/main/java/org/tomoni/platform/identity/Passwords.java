package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.mail.Mailer;
import org.tomoni.platform.mail.Outbox;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.persistence.Scope;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.LinkSigner;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PublicFormThrottle;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantStatus;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A user's own password: changing it (which also ends a temporary password, see {@link Sessions#passwordChangeRequired}),
 * and resetting a forgotten one with a link sent by e-mail. The password rule is {@link UserManagement}'s one rule.
 *
 * <p>A reset link is {@code <payload>.<signature>} (the payload names tenant, link row, expiry and a random secret; signed
 * with the {@link LinkSigner} key); only its SHA-256 is stored. It serves once, until it expires
 * ({@code platform.security.password-reset.lifetime}, 30 minutes), and only while it is the user's newest. A request
 * answers the same whether or not the address is known, and is throttled like every public form.
 */
@Singleton
public class Passwords {
    private static final String RESET_JOB = "password-reset";
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final Outbox outbox;
    private final LinkSigner signer;
    private final PublicFormThrottle throttle;
    private final Duration lifetime;
    private final String publicBaseUrl;
    private final SecureRandom random = new SecureRandom();

    Passwords(TenantTransactions tx, TenantRegistry tenants, PasswordHasher hasher, TokenService tokens, Sessions sessions, AuditTrail audit,
              AccessPolicy policy, Outbox outbox, LinkSigner signer, PublicFormThrottle throttle,
              @Value("${platform.security.password-reset.lifetime:30m}") Duration lifetime,
              @Value("${platform.public-base-url:`http://localhost:8081`}") String publicBaseUrl) {
        this.tx = tx;
        this.tenants = tenants;
        this.hasher = hasher;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.policy = policy;
        this.outbox = outbox;
        this.signer = signer;
        this.throttle = throttle;
        this.lifetime = lifetime;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** How long a reset link serves. */
    public Duration resetLifetime() {
        return lifetime;
    }

    /**
     * The signed-in user changes their own password: the current one must be right and the new one follow the rule.
     * The password stops being temporary; every other session of the user ends ({@code keepFamily}: the API token's
     * session, which goes on; null for a UI session). Audited.
     */
    public Outcome<Void> change(Actor actor, UUID keepFamily, String currentPassword, String newPassword) {
        if (!policy.allows(actor, Capability.SIGNED_IN) || actor.userId() == null) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        Function<Scope, Outcome<Void>> work = scope -> {
            Optional<UserRecord> user = Logins.find(scope, actor.userId()).filter(UserRecord::active);
            if (user.isEmpty()) {
                return Outcome.rejected(ErrorCode.FORBIDDEN);
            }
            List<FieldError> errors = new ArrayList<>();
            if (currentPassword == null || currentPassword.isEmpty()) {
                errors.add(FieldError.of("currentPassword", "required"));
            } else if (!hasher.verify(currentPassword, user.get().passwordHash())) {
                errors.add(FieldError.of("currentPassword", "wrong_password"));
            }
            if (newPassword == null || newPassword.isEmpty()) {
                errors.add(FieldError.of("newPassword", "required"));
            } else if (!UserManagement.acceptable(newPassword)) {
                errors.add(FieldError.of("newPassword", "password"));
            }
            if (!errors.isEmpty()) {
                audit.record(scope, actor, "user.change_password", "user", actor.userId(), Result.FAILURE);
                return Outcome.invalid(errors);
            }
            setPassword(scope, actor.userId(), hasher.hash(newPassword));
            tokens.revokeAllBut(scope, actor.userId(), keepFamily);
            audit.record(scope, actor, "user.change_password", "user", actor.userId(), Result.SUCCESS);
            return Outcome.ok(null);
        };
        Outcome<Void> outcome = actor.tenantId() == null ? tx.platform(actor.auditName(), work::apply) : tx.write(actor, work::apply);
        if (outcome.isOk()) {
            sessions.forget(actor.userId());
        }
        return outcome;
    }

    /**
     * Someone who forgot their password asks for a link: the organisation's slug (as on the sign-in page) and the
     * e-mail of their login. Invalid input is refused; otherwise the answer is the same whatever the organisation and
     * address (a mail goes out only for an active user of that organisation). Empty, or how long to wait when throttled.
     */
    public Outcome<Optional<Duration>> requestReset(String tenantSlug, String email, String clientAddress) {
        List<FieldError> errors = new ArrayList<>();
        Fields fields = Fields.into(errors);
        String slug = fields.required("tenant", tenantSlug, 40);
        String address = fields.email("email", email);
        if (address == null && errors.stream().noneMatch(e -> e.field().equals("email"))) {
            errors.add(FieldError.of("email", "required"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        String normalisedSlug = slug.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = throttle.acquire(normalisedSlug, clientAddress, address);
        if (wait.isPresent()) {
            return Outcome.ok(wait);
        }
        Optional<Tenant> tenant = tenants.findBySlug(normalisedSlug)
            .filter(t -> TenantStatus.fromCode(t.status()).map(TenantStatus::admitsLogins).orElse(false));
        if (tenant.isEmpty()) {
            return Outcome.ok(Optional.empty());
        }
        Tenant t = tenant.get();
        tx.write(NarrowActors.job(RESET_JOB, t), scope -> {
            Optional<UserRecord> user = UserRepository.findByEmail(scope, address).filter(UserRecord::active);
            if (user.isEmpty()) {
                audit.recordAnonymous(scope, RESET_JOB, "auth.password_reset_request", Result.FAILURE, clientAddress);
                return null;
            }
            UserRecord u = user.get();
            PasswordResetRepository.supersedeOpen(scope, u.id());
            UUID id = Ids.newId();
            OffsetDateTime expires = scope.now().plus(lifetime);
            String token = token(t.id(), id, expires);
            PasswordResetRepository.insert(scope, id, u.id(), sha256(token), expires);
            outbox.mail(scope, "user.password_reset", resetMail(t, u, publicBaseUrl + "/password-reset/" + token));
            audit.record(scope, "user.password_reset_request", "user", u.id(), Result.SUCCESS);
            return null;
        });
        return Outcome.ok(Optional.empty());
    }

    /** Whether a reset link would serve now (the page opens its form only then); the field error says why not. */
    public Outcome<Void> checkReset(String token) {
        return useReset(token, null, null);
    }

    /**
     * Sets a new password with a reset link: once, before it expires, while it is the user's newest, for an active user.
     * Every session of the user ends; audited.
     */
    public Outcome<Void> reset(String token, String newPassword, String clientAddress) {
        if (newPassword == null || newPassword.isEmpty()) {
            return Outcome.invalid(List.of(FieldError.of("newPassword", "required")));
        }
        if (!UserManagement.acceptable(newPassword)) {
            return Outcome.invalid(List.of(FieldError.of("newPassword", "password")));
        }
        return useReset(token, newPassword, clientAddress);
    }

    private Outcome<Void> useReset(String token, String newPassword, String clientAddress) {
        Optional<Link> link = parse(token);
        Optional<Tenant> tenant = link.flatMap(l -> tenants.findById(l.tenantId()))
            .filter(t -> TenantStatus.fromCode(t.status()).map(TenantStatus::admitsLogins).orElse(false));
        if (tenant.isEmpty()) {
            return refused("link_invalid");
        }
        boolean apply = newPassword != null;
        Actor job = NarrowActors.job(RESET_JOB, tenant.get());
        Function<TenantScope, Outcome<Void>> work = scope -> {
            Optional<PasswordResetRepository.Reset> row = PasswordResetRepository.lock(scope, link.get().resetId());
            if (row.isEmpty() || !MessageDigest.isEqual(row.get().tokenHash(), sha256(token))) {
                return refused("link_invalid");
            }
            PasswordResetRepository.Reset r = row.get();
            Optional<UserRecord> user = UserRepository.find(scope, r.userId()).filter(UserRecord::active);
            String problem = r.usedAt() != null ? "link_used" : r.supersededAt() != null ? "link_superseded"
                : !r.expiresAt().isAfter(scope.now()) ? "link_expired" : user.isEmpty() ? "link_invalid" : null;
            if (problem != null) {
                if (apply) {
                    audit.recordAnonymous(scope, RESET_JOB, "auth.password_reset", Result.FAILURE, clientAddress);
                }
                return refused(problem);
            }
            if (apply) {
                PasswordResetRepository.markUsed(scope, r.id());
                setPassword(scope, r.userId(), hasher.hash(newPassword));
                tokens.revokeAll(scope, r.userId());
                audit.record(scope, "user.password_reset", "user", r.userId(), Result.SUCCESS);
            }
            return Outcome.ok(null);
        };
        return tx.write(job, work::apply);
    }

    private static Outcome<Void> refused(String code) {
        return Outcome.invalid(List.of(FieldError.of("token", code)));
    }

    private static void setPassword(Scope scope, UUID userId, String hash) {
        if (scope instanceof TenantScope t) {
            UserRepository.setPassword(t, userId, hash, false);
        } else {
            PlatformUserRepository.setPassword((PlatformScope) scope, userId, hash, false);
        }
    }

    private record Link(UUID tenantId, UUID resetId) {
    }

    private String token(UUID tenantId, UUID resetId, OffsetDateTime expires) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return signer.seal(tenantId.toString(), resetId.toString(), Long.toString(expires.toEpochSecond()),
            Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    private Optional<Link> parse(String token) {
        return signer.open(token, 4).flatMap(parts -> Ids.parse(parts[0]).flatMap(tenant -> Ids.parse(parts[1]).map(id -> new Link(tenant, id))));
    }

    private Mailer.Mail resetMail(Tenant t, UserRecord u, String url) {
        long minutes = lifetime.toMinutes();
        String body = u.displayName() + " 様\n\n"
            + t.nameJa() + " の Tomoni で、ユーザー「" + u.username() + "」のパスワード再設定が申し込まれました。\n"
            + "次のリンクを開き、新しいパスワードを設定してください（" + minutes + "分間、1回だけ有効です）。\n\n"
            + url + "\n\n"
            + "お心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。\n\n"
            + "----\n"
            + "A password reset was requested for the user \"" + u.username() + "\" of " + t.nameEn() + " on Tomoni.\n"
            + "Open the link above to set a new password (it works once, for " + minutes + " minutes).\n"
            + "If you did not ask for this, ignore this mail; your password stays as it is.\n";
        return new Mailer.Mail(u.email(), t.nameJa(), "【" + t.nameJa() + "】パスワード再設定のご案内 / Password reset", body);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
