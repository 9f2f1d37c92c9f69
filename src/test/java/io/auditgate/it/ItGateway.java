package io.auditgate.it;

import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What every integration test class needs: the built WAR, the Bedrock simulator, the gateway's loopback address. */
final class ItGateway {

    private static final Duration UP = Duration.ofSeconds(60);

    private ItGateway() {
    }

    /**
     * The WAR {@code mvn package} built, named so that Payara Micro serves it at the root context. Arquillian builds
     * it just before it starts Payara Micro, so the log capture begins here and marks where this boot's output starts.
     */
    static WebArchive war() {
        GatewayLog.capture();
        GatewayLog.markBoot();
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("it.war"))).as(WebArchive.class);
    }

    /** The simulator on the port the gateway was configured with (failsafe reserves it). */
    static BedrockSimulator simulator() {
        return BedrockSimulator.start(SimulatorOptions.defaults().withPort(Integer.getInteger("it.simulator.port")));
    }

    /**
     * The adapter reports the host's address; the gateway listens on loopback only. Waits until it answers, for at
     * most {@link #UP}, and fails at once if Payara Micro exits or its output shows a failed deployment.
     */
    static URI base(URL deployed) {
        var base = URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
        GatewayLog.watch().await(UP, () -> Http.isLive(base));
        return base;
    }
}
