package org.tomoni.platform.shared;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for "which address is this client", used by every throttle and the audit log, on
 * the API and the UI alike. The socket peer's address counts, and headers are ignored, unless
 * that peer is one of the reverse proxies listed in {@code TRUSTED_PROXIES} (CIDRs, IPv4 and
 * IPv6, comma-separated; empty by default). From a trusted proxy, the address is the rightmost
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy: everything left of it was
 * written by the client and proves nothing. {@code Forwarded} is never read.
 */
@Context
public class ClientAddresses {
    public static final String HEADER = "X-Forwarded-For";
    private final List<Cidr> trusted;

    ClientAddresses(@Value("${platform.security.trusted-proxies:}") String trustedProxies) {
        try {
            this.trusted = List.copyOf(Cidr.parseList(trustedProxies));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TRUSTED_PROXIES (platform.security.trusted-proxies): " + e.getMessage()
                + "; expected comma-separated CIDRs such as 10.0.0.0/8,::1/128", e);
        }
    }

    public static ClientAddresses trusting(String trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    /** The client of an API request. */
    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String socket = remote == null ? null : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        return resolve(socket, request.getHeaders().getAll(HEADER));
    }

    /**
     * The client, given the socket peer's address and every {@code X-Forwarded-For} header value
     * in the order received.
     */
    public String resolve(String socketAddress, List<String> forwardedFor) {
        Optional<InetAddress> peer = Cidr.literal(socketAddress);
        if (peer.isEmpty()) {
            return socketAddress;
        }
        if (!isTrusted(peer.get()) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer.get().getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(h -> {
            for (String part : h.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.strip());
                }
            }
        });
        InetAddress nearest = peer.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = Cidr.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                // Garbage where a trusted proxy should have written an address: the last trusted hop is all we know.
                return nearest.getHostAddress();
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
            nearest = hop.get();
        }
        return nearest.getHostAddress();
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(0, hop.indexOf(']') + 1);
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.substring(0, colon).matches("[0-9.]+")) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
