package org.tomoni.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes that belong to no module and are there whatever modules a tenant has: sign-in, the
 * tenant's own users, onboarding. The opposite of {@link ModuleRoute}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CoreRoute {
}
