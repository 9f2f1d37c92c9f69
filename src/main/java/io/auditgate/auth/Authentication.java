package io.auditgate.auth;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Deny by default: a request must prove a tenant with an API key ({@code x-api-key} or
 * {@code Authorization: Bearer ag_...}) or an OIDC JWT before its body is read. Every kind of failure gets the same
 * 401, so the answer never says which part of a credential was wrong.
 */
@ApplicationScoped
public class Authentication {

    private static final String API_KEY_HEADER = "x-api-key";

    @Inject
    Tenants tenants;

    @Inject
    RequestTrace trace;

    /** The proved caller, also noted in the request's trace; 401 {@code unauthenticated} otherwise. */
    public Caller authenticate(HttpServletRequest request) {
        var credential = Credentials.fromHeaders(values(request, "Authorization"), values(request, API_KEY_HEADER));
        var caller = tenants.authenticate(credential, Instant.now())
                .orElseThrow(() -> new GatewayException(ProblemType.UNAUTHENTICATED,
                        "Missing or invalid credentials: send a tenant API key in x-api-key, or a bearer token."));
        trace.caller(caller.tenantId(), caller.principal(), caller.authMethod() == AuthMethod.JWT ? "jwt" : "api_key");
        return caller;
    }

    /** Every occurrence of the header, so that a repeated credential is seen and refused, not silently reduced to one. */
    private static List<String> values(HttpServletRequest request, String header) {
        var values = request.getHeaders(header);
        return values == null ? List.of() : Collections.list(values);
    }
}
