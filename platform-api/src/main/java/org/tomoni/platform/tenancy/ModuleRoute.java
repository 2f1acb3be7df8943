package org.tomoni.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The module a controller's routes belong to. {@link ModuleFilter} answers 404 (exactly as for
 * an unknown route) to a tenant that does not have the module enabled. Every API controller
 * carries this or {@link CoreRoute}; a test walks the routes to keep it so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ModuleRoute {
    Module value();
}
