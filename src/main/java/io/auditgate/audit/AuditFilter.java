package io.auditgate.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refused and failed requests get records too: on the way out, any request the pipeline did not record (a 4xx
 * or 5xx) is recorded with what is safe to keep, before the response leaves.
 */
@Provider
@Priority(4000)
public class AuditFilter implements ContainerResponseFilter {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDraft draft;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!draft.isRecorded()) {
            audit.refused(response.getStatus());
        }
    }
}
