package io.auditgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} is DOWN while the audit journal cannot write: a load balancer then sends traffic elsewhere. */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

    @Inject
    AuditTrail audit;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audit-journal").status(audit.isWritable())
                .withData("backlog_records", audit.backlogRecords()).build();
    }
}
