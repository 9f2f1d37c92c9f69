package io.auditgate.auth;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.telemetry.RequestTrace;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * Deny by default: every request to a resource must prove a tenant with an API key ({@code x-api-key} or
 * {@code Authorization: Bearer ag_...}) or an OIDC JWT. Every kind of failure gets the same 401, so the answer
 * never says which part of a credential was wrong. Runs before the body is read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String API_KEY_HEADER = "x-api-key";

    @Inject
    Tenants tenants;

    @Inject
    Authenticated authenticated;

    @Inject
    RequestTrace trace;

    @Override
    public void filter(ContainerRequestContext request) {
        var credential = Credentials.from(request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getHeaderString(API_KEY_HEADER));
        var caller = tenants.authenticate(credential, Instant.now())
                .orElseThrow(() -> new GatewayException(ProblemType.UNAUTHENTICATED,
                        "Missing or invalid credentials: send a tenant API key in x-api-key, or a bearer token."));
        authenticated.set(caller);
        trace.caller(caller.tenantId(), caller.principal(), caller.authMethod() == AuthMethod.JWT ? "jwt" : "api_key");
    }
}
