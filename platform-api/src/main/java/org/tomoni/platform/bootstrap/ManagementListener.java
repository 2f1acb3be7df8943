package org.tomoni.platform.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The server's two listeners, in this order: the API on {@code micronaut.server.port} (API_PORT),
 * then the management endpoints (full /health, /prometheus) on {@code endpoints.all.port}
 * (MANAGEMENT_PORT), bound to {@code platform.management.host} (MANAGEMENT_HOST, loopback by
 * default) and serving nothing else. Micronaut alone would bind the management port to the API's
 * host, and listeners declared in configuration come in no fixed order (the first one is what
 * {@code EmbeddedServer.getPort()} reports).
 */
@Singleton
class ManagementListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
    private final Integer managementPort;
    private final String managementHost;

    ManagementListener(@Nullable @Value("${endpoints.all.port}") Integer managementPort,
                       @Value("${platform.management.host:127.0.0.1}") String managementHost) {
        this.managementPort = managementPort;
        this.managementHost = managementHost;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        if (managementPort == null || server.getListeners() != null) {
            return server;
        }
        NettyListenerConfiguration api = listener("api", server.getHost().orElse(null), server.getPort().orElse(8080));
        NettyListenerConfiguration management = listener("management", managementHost, managementPort);
        management.setExposeDefaultRoutes(false);
        server.setListeners(List.of(api, management));
        return server;
    }

    private static NettyListenerConfiguration listener(String name, @Nullable String host, int port) {
        NettyListenerConfiguration listener = new NettyListenerConfiguration(name);
        listener.setHost(host);
        listener.setPort(port);
        return listener;
    }
}
