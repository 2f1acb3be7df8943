package org.tomoni.platform.identity;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.TextRules;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.RandomSecrets;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A tenant admin's management of their organisation's logins; every change is audited. */
@Singleton
public class UserManagement {
    private final AccessPolicy policy;
    static final int MIN_PASSWORD = 12;

    /** The one password rule (at least {@link #MIN_PASSWORD} characters), for admins, owners and reset links alike. */
    static boolean acceptable(String password) {
        return password != null && password.length() >= MIN_PASSWORD;
    }
    private static final String USERNAME_PATTERN = "[a-z0-9._-]{3,64}";
    private final TenantTransactions tx;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final TokenService tokens;

    UserManagement(TenantTransactions tx, PasswordHasher hasher, AuditTrail audit, TokenService tokens, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.hasher = hasher;
        this.audit = audit;
        this.tokens = tokens;
    }

    /** {@code email} (optional) is where a reset link for a forgotten password goes. */
    @Serdeable
    public record NewUser(String username, String displayName, String role, String password, @Nullable String email) {
        @Creator
        public NewUser {
        }

        public NewUser(String username, String displayName, String role, String password) {
            this(username, displayName, role, password, null);
        }
    }

    /** The created or reset user; the password only when the platform generated it (shown once). */
    @Serdeable
    public record WithPassword(UserView user, String temporaryPassword) {
    }

    public Outcome<Page<UserView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.USERS_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> {
            List<UserView> items = UserRepository.page(scope, page).stream().map(UserView::of).toList();
            return Outcome.ok(Page.of(items, UserRepository.count(scope), page));
        });
    }

    public Outcome<UserView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.USERS_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> UserRepository.find(scope, id)
            .map(u -> Outcome.ok(UserView.of(u))).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<WithPassword> create(Actor actor, NewUser request) {
        if (policy.check(actor, Capability.USERS_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.write(actor, scope -> createIn(scope, request)
            .map(created -> {
                audit.record(scope, "user.create", "user", created.user().id(), Result.SUCCESS);
                return created;
            }));
    }

    /**
     * Creates a user inside the caller's transaction (onboarding); the scope's actor is recorded as its creator. The
     * password, given or generated, is temporary: its owner changes it at first sign-in.
     */
    public Outcome<WithPassword> createIn(TenantScope scope, NewUser request) {
        return createIn(scope, request, true);
    }

    /** As {@link #createIn(TenantScope, NewUser)}; {@code temporary} false only where the provisioner chose the password (the demo). */
    public Outcome<WithPassword> createIn(TenantScope scope, NewUser request, boolean temporary) {
        List<FieldError> errors = new ArrayList<>();
        String username = normalise(request.username());
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            errors.add(FieldError.of("username", "username"));
        } else if (UserRepository.findByUsername(scope, username).isPresent()) {
            errors.add(FieldError.of("username", "taken"));
        }
        Optional<Role> role = tenantRole(request.role());
        if (role.isEmpty()) {
            errors.add(FieldError.of("role", "role"));
        }
        if (request.password() != null && request.password().length() < MIN_PASSWORD) {
            errors.add(FieldError.of("password", "password"));
        }
        // The shared field rules: control characters, lone surrogates, at most 100 characters.
        Fields.into(errors).optional("displayName", request.displayName(), TextRules.NAME);
        String email = Fields.into(errors).email("email", request.email());
        if (email != null && errors.stream().noneMatch(e -> e.field().equals("email")) && UserRepository.findByEmail(scope, email).isPresent()) {
            errors.add(FieldError.of("email", "taken"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        String generated = request.password() == null ? RandomSecrets.password() : null;
        String password = generated != null ? generated : request.password();
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username : request.displayName().strip();
        UUID id = Ids.newId();
        UserRepository.insert(scope, new UserRecord(scope.tenantId(), id, username, displayName, hasher.hash(password), role.get(), true,
            null, null, 0, email, temporary));
        return Outcome.ok(new WithPassword(UserView.of(UserRepository.find(scope, id).orElseThrow()), generated));
    }

    public Outcome<UserView> changeRole(Actor actor, UUID id, String roleCode) {
        Optional<Role> role = tenantRole(roleCode);
        if (role.isEmpty()) {
            return policy.allows(actor, Capability.USERS_MANAGE) ? Outcome.invalid(List.of(FieldError.of("role", "role"))) : Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return change(actor, id, "user.change_role", (scope, user) -> {
            if (user.role() == Role.TENANT_ADMIN && role.get() != Role.TENANT_ADMIN && isLastActiveAdmin(scope, user)) {
                return Outcome.invalid(List.of(FieldError.of("role", "last_admin")));
            }
            UserRepository.setRole(scope, id, role.get());
            if (role.get() != user.role()) {
                // The role is in every token and UI session of the user: each ends, and the user signs in again.
                tokens.revokeAll(scope, id);
            }
            return Outcome.ok(null);
        });
    }

    /**
     * Sets (or, blank, clears) the address a forgotten password's link goes to. Unknown to any other user of the
     * tenant; links already mailed to the old address stop working, since it may be why the address changed.
     */
    public Outcome<UserView> changeEmail(Actor actor, UUID id, @Nullable String requested) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String email = Fields.into(errors).email("email", requested);
        if (!errors.isEmpty()) {
            return policy.allows(actor, Capability.USERS_MANAGE) ? Outcome.invalid(errors) : Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return change(actor, id, "user.change_email", (scope, user) -> {
            if (email != null && UserRepository.findByEmail(scope, email).filter(other -> !other.id().equals(id)).isPresent()) {
                return Outcome.invalid(List.of(FieldError.of("email", "taken")));
            }
            UserRepository.setEmail(scope, id, email);
            PasswordResetRepository.supersedeOpen(scope, id);
            return Outcome.ok(null);
        });
    }

    /** Deactivates a user: their sessions end and they cannot sign in. Nobody deactivates themselves, nor the last active admin. */
    public Outcome<UserView> deactivate(Actor actor, UUID id) {
        return change(actor, id, "user.deactivate", (scope, user) -> {
            if (user.role() == Role.TENANT_ADMIN && isLastActiveAdmin(scope, user)) {
                return Outcome.invalid(List.of(FieldError.of("active", "last_admin")));
            }
            if (id.equals(actor.userId())) {
                return Outcome.invalid(List.of(FieldError.of("active", "self_deactivation")));
            }
            UserRepository.setActive(scope, id, false);
            tokens.revokeAll(scope, id);
            return Outcome.ok(null);
        });
    }

    /** Lets a deactivated user sign in again, with their role, duties and password as they were; an active user stays as is. */
    public Outcome<UserView> reactivate(Actor actor, UUID id) {
        return change(actor, id, "user.reactivate", (scope, user) -> {
            if (!user.active()) {
                UserRepository.setActive(scope, id, true);
            }
            return Outcome.ok(null);
        });
    }

    /** Sets the given password, or generates one; either is temporary (its owner changes it at next sign-in); every session of the user ends. */
    public Outcome<WithPassword> resetPassword(Actor actor, UUID id, String newPassword) {
        if (newPassword != null && newPassword.length() < MIN_PASSWORD) {
            return policy.allows(actor, Capability.USERS_MANAGE) ? Outcome.invalid(List.of(FieldError.of("password", "password"))) : Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        String generated = newPassword == null ? RandomSecrets.password() : null;
        String password = generated != null ? generated : newPassword;
        return change(actor, id, "user.reset_password", (scope, user) -> {
            UserRepository.setPassword(scope, id, hasher.hash(password), true);
            tokens.revokeAll(scope, id);
            return Outcome.ok(null);
        }).map(view -> new WithPassword(view, generated));
    }

    private interface Change {
        Outcome<Void> apply(TenantScope scope, UserRecord user);
    }

    private Outcome<UserView> change(Actor actor, UUID id, String action, Change change) {
        if (policy.check(actor, Capability.USERS_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.write(actor, scope -> {
            Optional<UserRecord> user = UserRepository.find(scope, id);
            if (user.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Outcome<Void> applied = change.apply(scope, user.get());
            audit.record(scope, action, "user", id, applied.isOk() ? Result.SUCCESS : Result.FAILURE);
            return applied.map(v -> UserView.of(UserRepository.find(scope, id).orElseThrow()));
        });
    }

    private static boolean isLastActiveAdmin(TenantScope scope, UserRecord user) {
        return user.active() && UserRepository.activeWithRole(scope, Role.TENANT_ADMIN) <= 1;
    }

    private static Optional<Role> tenantRole(String code) {
        return Role.fromCode(code).filter(r -> !r.platformLevel());
    }

    private static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
