package org.tomoni.platform.ui;

import org.tomoni.platform.bootstrap.OperatorCommands;
import org.tomoni.platform.bootstrap.PlatformLauncher;

import java.util.Map;

/** What a user starts: the API and the admin UI in one JVM. */
public class TenantUiApplication {
    public static void main(String[] args) {
        if (OperatorCommands.handles(args)) {
            System.exit(OperatorCommands.run(args, System.getenv(), System.out, System.err));
        }
        PlatformLauncher.launch(TenantUiApplication.class, args, Map.of("platform.ui.enabled", true));
    }
}
