package org.tomoni.platform.ui.shell;

import org.tomoni.platform.access.Capability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page for the public (donors, applicants): anyone may open it, signed in or not, and it never
 * shows the staff frame. It is the explicit alternative to {@link Allowed}: {@link AccessControl}
 * refuses a public route that also carries {@link Allowed} or that sits in a layout, so a staff
 * menu can never leak onto a public page. A public page takes its tenant from its own path (a
 * slug or a signed link) and calls only the domain's public operations. {@code value} names the
 * capability of the narrow actor the page acts as (a donor's link, the public sign-up form).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicRoute {
    Capability value();
}
