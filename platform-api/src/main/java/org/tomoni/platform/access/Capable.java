package org.tomoni.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capability an API route needs, declared on the controller (for all its routes) or on a
 * route method (which then wins). The facade the route calls checks the same capability through
 * {@link AccessPolicy}; public routes name {@link Capability#PUBLIC} or the narrow capability of
 * the actor they act as (a donor's link, the sign-up form). A test walks every route and fails
 * on one without a declaration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Capable {
    Capability value();
}
