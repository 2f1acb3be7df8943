package org.tomoni.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.tomoni.platform.bootstrap.OperatorCommands;
import org.tomoni.platform.bootstrap.PlatformLauncher;

import java.util.Map;

/** The API-only node. */
@OpenAPIDefinition(info = @Info(title = "Tomoni platform API", version = "v1",
    description = "Multi-tenant platform for Japanese intermediary support organisations"))
public class PlatformApplication {
    public static void main(String[] args) {
        if (OperatorCommands.handles(args)) {
            System.exit(OperatorCommands.run(args, System.getenv(), System.out, System.err));
        }
        PlatformLauncher.launch(PlatformApplication.class, args, Map.of());
    }
}
