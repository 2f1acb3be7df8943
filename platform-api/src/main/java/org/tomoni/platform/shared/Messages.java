package org.tomoni.platform.shared;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the API in Japanese (default) or English (Accept-Language: en). */
@Singleton
public class Messages {
    public static final Locale JAPANESE = Locale.JAPANESE;

    public Locale localeOf(HttpRequest<?> request) {
        String header = request.getHeaders().get("Accept-Language");
        return header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : JAPANESE;
    }

    public String get(String key, Locale locale) {
        try {
            return ResourceBundle.getBundle("i18n.api", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
