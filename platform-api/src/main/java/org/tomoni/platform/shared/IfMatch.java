package org.tomoni.platform.shared;

import io.micronaut.core.bind.annotation.Bindable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route argument {@code @IfMatch long version}: the version the caller last read, from the
 * If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}). Missing or unreadable, the request
 * answers 428 before the route runs ({@link IfMatchBinder}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
public @interface IfMatch {
}
