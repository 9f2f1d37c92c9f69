package io.auditgate.it;

import io.auditgate.simulator.BedrockSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Bedrock simulator a deployed gateway calls ({@link ItGateway#simulator}), for one IT class: registered as
 * {@code @RegisterExtension static final ItSimulator simulator}, started before the class's first test and closed
 * after its last. Every test begins with no fault, pacing or script left by an earlier one, so tests stay independent.
 */
final class ItSimulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private BedrockSimulator simulator;
    private SimulatorControl control;

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = ItGateway.simulator();
        control = new SimulatorControl(simulator.endpoint());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        control.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The simulator's admin API: faults and call counts per model. */
    SimulatorControl control() {
        return control;
    }
}
