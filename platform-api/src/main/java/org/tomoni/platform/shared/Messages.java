package org.tomoni.platform.shared;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
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

    /** The text of {@code key} with {@code args} in its placeholders ({@code {0}}, …); without args, as {@link #get}. */
    public String get(String key, Locale locale, List<String> args) {
        String text = get(key, locale);
        if (args == null || args.isEmpty() || text.equals(key)) {
            return text;
        }
        return new MessageFormat(text, locale).format(args.toArray());
    }

    /** What to show for a field error: its own message when it has one, else its code's text with its args. */
    public String field(FieldError error, Locale locale) {
        return error.message() != null ? error.message() : get("field." + error.code(), locale, error.args());
    }
}
