package io.auditgate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a client chose reaches the trace (and so the record and log line) only bounded and screened. */
class RequestTraceTest {

    private static final String HASH = "sha256:[0-9a-f]{64}";

    private static RequestTrace trace(String agent, String clientId) {
        var trace = new RequestTrace();
        trace.begin(RequestIds.next(), System.nanoTime());
        trace.client("127.0.0.1", agent, clientId);
        return trace;
    }

    @Test
    void theClientsRequestIdIsKeptBesideTheGatewaysNeverAsIt() {
        var trace = trace("curl/8", "client-42");
        trace.caller("acme", "a1c2e3f4", "api_key");

        var facts = trace.facts();

        assertThat(facts.requestId()).hasSize(36).isNotEqualTo("client-42");
        assertThat(facts.clientRequestId()).contains("client-42");
        assertThat(trace.echoedRequestId()).contains("client-42");
    }

    @Test
    void anAuthenticatedRequestsHeadersKeepTheirTextWithPiiMasked() {
        var trace = trace("Mozilla/5.0 (jane.planted@example.com)", "4111111111111111");
        trace.caller("acme", "a1c2e3f4", "api_key");

        var facts = trace.facts();

        assertThat(facts.userAgent()).contains("Mozilla/5.0 ([EMAIL_1])");
        assertThat(facts.clientRequestId()).contains("[CREDIT_DEBIT_CARD_NUMBER_1]");
    }

    @Test
    void anOversizedOrUnsafeHeaderIsKeptAsItsHash() {
        var trace = trace("x".repeat(257), "not a sane id");
        trace.caller("acme", "a1c2e3f4", "api_key");

        assertThat(trace.facts().userAgent()).hasValueSatisfying(ua -> assertThat(ua).matches(HASH));
        assertThat(trace.facts().clientRequestId()).hasValueSatisfying(id -> assertThat(id).matches(HASH));
        assertThat(trace.echoedRequestId()).isEmpty();
    }

    @Test
    void anUnauthenticatedRequestKeepsNoHeaderTextOnlyTheHashOfAnOversizedOne() {
        var trace = trace("PlantedAgent/1.0 " + "y".repeat(300), "planted-client-id");

        var facts = trace.facts();

        assertThat(facts.userAgent()).hasValueSatisfying(ua -> assertThat(ua).matches(HASH));
        assertThat(facts.clientRequestId()).isEmpty();
        assertThat(trace("PlantedAgent/1.0", null).facts().userAgent()).isEmpty();
    }

    @Test
    void aPrincipalOrModelOutsideItsSafeShapeIsKeptAsItsHash() {
        var trace = trace(null, null);
        trace.caller("acme", "jane.planted@example.com", "jwt");
        trace.model("anthropic.model<planted>");

        assertThat(trace.facts().principal()).hasValueSatisfying(p -> assertThat(p).matches(HASH));
        assertThat(trace.facts().model()).hasValueSatisfying(m -> assertThat(m).matches(HASH));
    }

    @Test
    void aSafePrincipalAndModelAreKeptAsTheyAre() {
        var trace = trace(null, null);
        trace.caller("acme", "auth0|5f1c2d", "jwt");
        trace.model("anthropic.claude-3-haiku-20240307-v1:0");

        assertThat(trace.facts().principal()).contains("auth0|5f1c2d");
        assertThat(trace.facts().model()).contains("anthropic.claude-3-haiku-20240307-v1:0");
    }
}
