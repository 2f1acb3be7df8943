package org.tomoni.platform.ui.components;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.tomoni.platform.shared.ClientAddresses;

import java.util.ArrayList;
import java.util.List;

/** The address a UI request comes from, for throttling and the audit log (sign-in, public forms). */
public final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * The socket peer as Jetty sees it, or, when that peer is a trusted proxy, the address it
     * forwarded, by the API's one rule.
     */
    public static String of(ClientAddresses addresses) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            List<String> forwarded = new ArrayList<>();
            var headers = request.getHeaders(ClientAddresses.HEADER);
            while (headers != null && headers.hasMoreElements()) {
                forwarded.add(headers.nextElement());
            }
            return addresses.resolve(request.getRemoteAddr(), forwarded);
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }
}
