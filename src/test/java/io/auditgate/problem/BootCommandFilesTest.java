package io.auditgate.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Arquillian ITs' pre-boot file is the loopback binding plus exactly what the gateway jar has baked in. */
class BootCommandFilesTest {

    private static List<String> commands(String file) throws IOException {
        return Files.readAllLines(Path.of("src/local", file)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    @Test
    void theItPreBootFileIsTheLoopbackBindingPlusTheGatewaysOwnCommands() throws IOException {
        var expected = new ArrayList<>(commands("bind-loopback.asadmin"));
        expected.addAll(commands("gateway-pre-boot.asadmin"));

        assertThat(commands("it-pre-boot.asadmin")).containsExactlyElementsOf(expected);
    }

    @Test
    void theListenerThatStartsClosedIsOpenedAfterDeployment() throws IOException {
        assertThat(commands("gateway-pre-boot.asadmin")).anyMatch(c -> c.endsWith("http-listener.enabled=false"));
        assertThat(commands("gateway-post-deploy.asadmin")).containsExactly(
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=true");
    }
}
