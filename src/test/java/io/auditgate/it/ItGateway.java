package io.auditgate.it;

import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What every integration test class needs: the built WAR, the Bedrock simulator, the gateway's loopback address. */
final class ItGateway {

    private ItGateway() {
    }

    /** The WAR {@code mvn package} built, named so that Payara Micro serves it at the root context. */
    static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("it.war"))).as(WebArchive.class);
    }

    /** The simulator on the port the gateway was configured with (failsafe reserves it), and the log capture. */
    static BedrockSimulator simulator() {
        GatewayLog.capture();
        return BedrockSimulator.start(SimulatorOptions.defaults().withPort(Integer.getInteger("it.simulator.port")));
    }

    /** The adapter reports the host's address; the gateway listens on loopback only. Waits until it answers. */
    static URI base(URL deployed) {
        var base = URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
        Http.awaitUp(base);
        return base;
    }
}
