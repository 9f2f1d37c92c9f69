package io.auditgate.it;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an Arquillian IT class extends: the built WAR deployed on Payara Micro once for the class, and its loopback
 * address. Arquillian finds the deployment and the injected URL on a superclass; the class holds no static state, so
 * each IT has its own deployment and (with {@link ItSimulator}) its own simulator.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedGateway {

    @ArquillianResource
    private URL deployed;

    /** The deployed gateway's base URI on loopback; it answers when a test begins. */
    URI base;

    @Deployment(testable = false)
    static WebArchive gateway() {
        return ItGateway.war();
    }

    @BeforeEach
    void findGateway() {
        base = ItGateway.base(deployed);
    }
}
