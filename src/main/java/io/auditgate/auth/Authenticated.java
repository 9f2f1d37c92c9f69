package io.auditgate.auth;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as proved by {@link AuthenticationFilter}. */
@RequestScoped
public class Authenticated {

    private Caller caller;

    void set(Caller value) {
        this.caller = value;
    }

    /** The authenticated caller; a request that reached a resource without one is refused, never served. */
    public Caller caller() {
        if (caller == null) {
            throw new GatewayException(ProblemType.UNAUTHENTICATED, "Missing or invalid credentials.");
        }
        return caller;
    }
}
