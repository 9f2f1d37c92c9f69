package io.auditgate.bedrock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/live}'s Bedrock check: DOWN once the SDK's classes failed to initialise (see {@link BedrockWarmUp}),
 * which no retry mends within this JVM, so the Auto Scaling group replaces the instance.
 */
@Liveness
@ApplicationScoped
public class BedrockLiveness implements HealthCheck {

    @Inject
    @Readiness // a health check's kind is a CDI qualifier
    BedrockWarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bedrock-client").status(warmUp.state() != BedrockWarmUp.State.BROKEN).build();
    }
}
