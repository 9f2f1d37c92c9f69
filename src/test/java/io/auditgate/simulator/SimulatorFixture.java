package io.auditgate.simulator;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A running simulator and the real SDK clients ({@link SdkClients}) pointed at it, for the simulator's tests.
 * Registered on a static field ({@code @RegisterExtension static final SimulatorFixture simulator}) it lives for
 * the test class; on an instance field, for each test, where a test's faults or scripts must not reach the next.
 * The clients are made on first use (an async client brings its own event loop) and closed with the simulator.
 */
final class SimulatorFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final SimulatorOptions options;
    /** What this fixture started, newest first: the clients close before their simulator. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private BedrockSimulator simulator;
    private BedrockRuntimeClient sync;
    private BedrockRuntimeAsyncClient async;
    private boolean perTest;

    SimulatorFixture() {
        this(SimulatorOptions.defaults());
    }

    SimulatorFixture(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = open(BedrockSimulator.start(options));
    }

    /** Starts the simulator unless the class already did: then this fixture was registered per test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = open(BedrockSimulator.start(options));
            perTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    URI endpoint() {
        return simulator.endpoint();
    }

    synchronized BedrockRuntimeClient sync() {
        if (sync == null) {
            sync = open(SdkClients.sync(endpoint()));
        }
        return sync;
    }

    synchronized BedrockRuntimeAsyncClient async() {
        if (async == null) {
            async = open(SdkClients.async(endpoint()));
        }
        return async;
    }

    private synchronized <T extends AutoCloseable> T open(T resource) {
        opened.push(resource);
        return resource;
    }

    private synchronized void close() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
        simulator = null;
        sync = null;
        async = null;
    }
}
