package org.tomoni.platform.ui.shell;

import org.tomoni.platform.access.Capability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capability a staff route needs (roles, the tenant's module and duties come with it, see
 * {@code AccessPolicy}). Every route carries it or {@link PublicRoute}; a route without either
 * is refused. {@link Capability#PUBLIC} needs no sign-in (the login page); the menu shows a
 * route's item exactly when the policy allows its capability.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Allowed {
    Capability value();
}
