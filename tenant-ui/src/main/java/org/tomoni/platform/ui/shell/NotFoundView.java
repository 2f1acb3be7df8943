package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.html.H2;
import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.ui.components.LocalizedView;

/** What a missing page, a refused route and another tenant's record all look like. */
@Route("not-found")
@Allowed(Capability.PUBLIC)
@Prototype
public class NotFoundView extends LocalizedView implements HasErrorParameter<NotFoundException> {
    private final H2 title = new H2();
    private final Paragraph text = new Paragraph();

    public NotFoundView() {
        super("notfound.title");
        add(title, text);
        setId("not-found");
        localize();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return 404;
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("notfound.title"));
        text.setText(getTranslation("notfound.text"));
    }
}
