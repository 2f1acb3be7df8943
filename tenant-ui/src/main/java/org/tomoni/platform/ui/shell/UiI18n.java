package org.tomoni.platform.ui.shell;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every label of the admin UI: Japanese (complete, the default) and English. */
@Singleton
public class UiI18n implements I18NProvider {
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(JAPANESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : JAPANESE;
        try {
            String text = ResourceBundle.getBundle("ui.messages", l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(key);
            return params.length == 0 ? text : new MessageFormat(text, l).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
