package org.tomoni.platform.shared;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.regex.Pattern;

/**
 * Headers on every API answer, errors and refusals included. API answers carry personal data
 * (people, donors, bank accounts masked or not, a donor's gift from a signed link), so nothing under
 * /api/v1 may be stored by a browser or a shared cache: {@code Cache-Control: no-store}, except the
 * public catalogue read (a tenant's published gift plans), which holds nothing personal.
 * {@code X-Content-Type-Options: nosniff} keeps browsers to the declared type (CSV and PDF downloads).
 */
@ServerFilter("/api/v1/**")
class ApiResponseHeaders implements Ordered {
    private static final Pattern PUBLIC_CATALOGUE = Pattern.compile("/api/v1/public/[^/]+/gift-plans/?");

    /** Outside the security filter, so its refusals (401, 403) get the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!isPublicCatalogueRead(request)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
    }

    private static boolean isPublicCatalogueRead(HttpRequest<?> request) {
        return (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
            && PUBLIC_CATALOGUE.matcher(request.getPath()).matches();
    }
}
