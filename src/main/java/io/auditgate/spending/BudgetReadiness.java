package io.auditgate.spending;

import io.auditgate.quota.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN until budgets' spending is known (rebuilt from the audit trail after every instance
 * restarted, or kept by the grid): an instance that would refuse budgeted tenants gets no traffic meanwhile.
 */
@Readiness
@ApplicationScoped
public class BudgetReadiness implements HealthCheck {

    @Inject
    Quotas quotas;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("quota-budgets").status(quotas.isSpendingKnown()).build();
    }
}
