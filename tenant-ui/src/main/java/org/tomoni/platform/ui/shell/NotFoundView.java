package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.html.H2;
import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** What a missing page, a refused route and another tenant's record all look like. */
@Route("not-found")
@Allowed(Capability.PUBLIC)
@Prototype
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        add(new H2(getTranslation("notfound.title")), new Paragraph(getTranslation("notfound.text")));
        setId("not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return 404;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notfound.title");
    }
}
