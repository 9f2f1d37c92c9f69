package io.auditgate.bedrock;

import dev.failsafe.CircuitBreaker;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One circuit breaker per model id, so that one failing model does not take the others down (MicroProfile's
 * {@code @CircuitBreaker} keeps one state per method, not per argument). Opens after
 * {@code bedrock.breaker.failures} failures within the last {@code bedrock.breaker.window} attempts, stays
 * open for {@code bedrock.breaker.delay}, then lets one trial call through.
 */
@ApplicationScoped
public class ModelBreakers {

    @Inject
    @ConfigProperty(name = "bedrock.breaker.failures", defaultValue = "5")
    int failures;

    @Inject
    @ConfigProperty(name = "bedrock.breaker.window", defaultValue = "10")
    int window;

    @Inject
    @ConfigProperty(name = "bedrock.breaker.delay", defaultValue = "PT30S")
    Duration delay;

    private final ConcurrentMap<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();

    /** Admits one attempt for the model, or fails fast with 503 {@code circuit-open}. */
    CircuitBreaker<Object> admit(String model) {
        var breaker = breakers.computeIfAbsent(model, m -> CircuitBreaker.builder()
                .withFailureThreshold(Math.min(failures, window), window)
                .withSuccessThreshold(1)
                .withDelay(delay)
                .build());
        if (!breaker.tryAcquirePermit()) {
            throw new GatewayException(ProblemType.CIRCUIT_OPEN,
                    "Calls to this model are paused after repeated upstream failures.", List.of(),
                    breaker.getRemainingDelay().isZero() ? delay : breaker.getRemainingDelay());
        }
        return breaker;
    }
}
