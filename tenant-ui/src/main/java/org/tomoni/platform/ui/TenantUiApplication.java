package org.tomoni.platform.ui;

import org.tomoni.platform.bootstrap.PlatformLauncher;

import java.util.Map;

/** What a user starts: the API and the admin UI in one JVM. */
public class TenantUiApplication {
    public static void main(String[] args) {
        PlatformLauncher.launch(TenantUiApplication.class, args, Map.of("platform.ui.enabled", true));
    }
}
