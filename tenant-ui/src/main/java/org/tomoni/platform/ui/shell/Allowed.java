package org.tomoni.platform.ui.shell;

import org.tomoni.platform.shared.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may enter a route. Every route carries it; a route without it is refused. {@code anonymous}
 * routes need no sign-in; {@code module} names the tenant module the route belongs to.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Allowed {
    Role[] value() default {};

    boolean anonymous() default false;

    String module() default "";
}
