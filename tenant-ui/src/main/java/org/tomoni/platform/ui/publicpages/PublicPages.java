package org.tomoni.platform.ui.publicpages;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import org.tomoni.platform.ui.shell.AccessControl;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.Locale;

/**
 * What the public pages share: a narrow single column that fits a phone, large touch targets,
 * a header with the organisation's name and the language switch (the same session setting the
 * staff screens use) and label/value rows.
 */
final class PublicPages {
    private PublicPages() {
    }

    /** One column at most 40rem wide, centred, with 44px-high fields and buttons. */
    static void frame(VerticalLayout page) {
        page.setWidthFull();
        page.setMaxWidth("40rem");
        page.setPadding(true);
        page.getStyle().set("margin", "0 auto").set("box-sizing", "border-box")
            .set("--lumo-size-m", "var(--lumo-size-l)")
            .set("--vaadin-input-field-height", "var(--lumo-size-l)");
    }

    /** A page or step title sized for a phone. */
    static void title(com.vaadin.flow.component.html.H2... titles) {
        for (var t : titles) {
            t.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin-top", "var(--lumo-space-m)");
        }
    }

    /** A label and its value, one under the other so long values wrap on a phone. */
    static Div row(String id, String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value == null || value.isBlank() ? "—" : value);
        v.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-l)").set("overflow-wrap", "anywhere");
        v.setId(id);
        Div row = new Div(l, v);
        row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        row.setWidthFull();
        return row;
    }

    /** The organisation's name and the language switch, above every public page. */
    static final class Header extends HorizontalLayout {
        final H1 organization = new H1();
        final Select<Locale> language = new Select<>();

        Header() {
            setWidthFull();
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            organization.setId("public-organization");
            organization.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
            language.setId("public-language");
            language.setItems(UiI18n.JAPANESE, UiI18n.ENGLISH);
            language.setItemLabelGenerator(l -> "en".equals(l.getLanguage()) ? "English" : "日本語");
            language.setWidth("8em");
            UI ui = UI.getCurrent();
            language.setValue(ui != null && "en".equals(ui.getLocale().getLanguage()) ? UiI18n.ENGLISH : UiI18n.JAPANESE);
            language.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    choose(e.getValue());
                }
            });
            add(organization, language);
            expand(organization);
            relabel();
        }

        /** The language for the rest of the visit, as the staff screens' switch does it. */
        void choose(Locale locale) {
            VaadinSession.getCurrent().setAttribute(AccessControl.LANGUAGE, locale);
            language.setValue(locale);
            UI.getCurrent().setLocale(locale);
        }

        void relabel() {
            language.setAriaLabel(getTranslation("layout.language"));
        }
    }
}
