package io.auditgate.testing;

import io.auditgate.auth.AuthMethod;
import io.auditgate.auth.Caller;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import io.auditgate.tenant.TenantsPolicy;
import io.auditgate.request.Exchange;
import java.util.List;
import java.util.Set;

/** Per-request values for tests: an arrived exchange, a caller of a one-tenant policy. */
public final class Requests {

    public static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final Tenant ACME = new Tenant("acme", List.of(), Set.of(HAIKU), "standard", new TenantLimits(10_000, 500));
    public static final TenantsPolicy POLICY = new TenantsPolicy(7, List.of(ACME), "ab".repeat(32));

    private Requests() {
    }

    public static Exchange arrived(String userAgent, String clientRequestId) {
        return Exchange.arrived("invoke", "POST", "/invoke", Exchange.Client.of("127.0.0.1", userAgent, clientRequestId));
    }

    public static Caller caller(String principal, AuthMethod method) {
        return new Caller(principal, method, ACME, POLICY);
    }

    public static Caller caller() {
        return caller("a1c2e3f4", AuthMethod.API_KEY);
    }
}
