package io.auditgate.grid;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} says how many members Payara's data grid has ({@code data-grid}, data {@code members}), so an
 * operator, {@code src/local/run-local.sh --instances N} and the cluster IT can see that the instances found each other.
 * Always UP: a member alone still serves; what the grid's absence means for limits is the quota ledger's decision
 * (docs/architecture.md, "Platform").
 */
@Readiness
@ApplicationScoped
public class GridReadiness implements HealthCheck {

    @Inject
    HazelcastInstance grid;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("data-grid").up()
                .withData("members", grid.getCluster().getMembers().size()).build();
    }
}
