package io.auditgate.request;

import static io.auditgate.testing.Requests.arrived;
import static io.auditgate.testing.Requests.caller;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.auth.AuthMethod;
import org.junit.jupiter.api.Test;

/** What a client chose reaches the request's facts (and so the record and log line) only bounded and screened. */
class ExchangeTest {

    private static final String HASH = "sha256:[0-9a-f]{64}";

    @Test
    void theClientsRequestIdIsKeptBesideTheGatewaysNeverAsIt() {
        var exchange = arrived("curl/8", "client-42").authenticated(caller());

        var facts = Facts.of(exchange);

        assertThat(facts.requestId()).hasSize(36).isNotEqualTo("client-42");
        assertThat(facts.clientRequestId()).contains("client-42");
        assertThat(exchange.client().echoedRequestId()).contains("client-42");
    }

    @Test
    void anAuthenticatedRequestsHeadersKeepTheirTextWithPiiMasked() {
        var facts = Facts.of(arrived("Mozilla/5.0 (jane.planted@example.com)", "4111111111111111").authenticated(caller()));

        assertThat(facts.userAgent()).contains("Mozilla/5.0 ([EMAIL_1])");
        assertThat(facts.clientRequestId()).contains("[CREDIT_DEBIT_CARD_NUMBER_1]");
    }

    @Test
    void anOversizedOrUnsafeHeaderIsKeptAsItsHash() {
        var exchange = arrived("x".repeat(257), "not a sane id").authenticated(caller());

        assertThat(Facts.of(exchange).userAgent()).hasValueSatisfying(ua -> assertThat(ua).matches(HASH));
        assertThat(Facts.of(exchange).clientRequestId()).hasValueSatisfying(id -> assertThat(id).matches(HASH));
        assertThat(exchange.client().echoedRequestId()).isEmpty();
    }

    @Test
    void anUnauthenticatedRequestKeepsNoHeaderTextOnlyTheHashOfAnOversizedOne() {
        var facts = Facts.of(arrived("PlantedAgent/1.0 " + "y".repeat(300), "planted-client-id"));

        assertThat(facts.userAgent()).hasValueSatisfying(ua -> assertThat(ua).matches(HASH));
        assertThat(facts.clientRequestId()).isEmpty();
        assertThat(Facts.of(arrived("PlantedAgent/1.0", null)).userAgent()).isEmpty();
    }

    @Test
    void aPrincipalOrModelOutsideItsSafeShapeIsKeptAsItsHash() {
        var exchange = arrived(null, null).authenticated(caller("jane.planted@example.com", AuthMethod.JWT))
                .asking("anthropic.model<planted>");

        assertThat(Facts.of(exchange).principal()).hasValueSatisfying(p -> assertThat(p).matches(HASH));
        assertThat(Facts.of(exchange).model()).hasValueSatisfying(m -> assertThat(m).matches(HASH));
    }

    @Test
    void aSafePrincipalAndModelAreKeptAsTheyAre() {
        var exchange = arrived(null, null).authenticated(caller("auth0|5f1c2d", AuthMethod.JWT))
                .asking("anthropic.claude-3-haiku-20240307-v1:0");

        assertThat(Facts.of(exchange).principal()).contains("auth0|5f1c2d");
        assertThat(Facts.of(exchange).authMethod()).contains("jwt");
        assertThat(Facts.of(exchange).model()).contains("anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void anUnknownPathAndAnUnusualMethodAreKeptOnlyAsTheirHashes() {
        var exchange = Exchange.arrived("invoke", "PLANTEDMETHOD", "/planted-078-05-1120", Exchange.Client.of(null, null, null));

        assertThat(exchange.path()).matches(HASH);
        assertThat(exchange.method()).matches(HASH);
        assertThat(exchange.client().address()).isEqualTo("unknown");
    }

    @Test
    void theClientsRetryCountIsKeptOnlyWhenItIsASmallNumber() {
        assertThat(Exchange.Client.of("127.0.0.1", null, null, "2").retries()).contains(2);
        assertThat(Exchange.Client.of("127.0.0.1", null, null, "0").retries()).contains(0);
        assertThat(Exchange.Client.of("127.0.0.1", null, null, "1001").retries()).isEmpty();
        assertThat(Exchange.Client.of("127.0.0.1", null, null, "-1").retries()).isEmpty();
        assertThat(Exchange.Client.of("127.0.0.1", null, null, "jane@example.com").retries()).isEmpty();
        assertThat(Exchange.Client.of("127.0.0.1", null, null, null).retries()).isEmpty();
    }

    @Test
    void theFactsNameTheSurfaceAndTheIgnoredFields() {
        var exchange = Exchange.arrived("openai", "POST", "/v1/chat/completions",
                Exchange.Client.of("127.0.0.1", null, null, "1")).ignoring(java.util.List.of("seed"));

        var api = Facts.of(exchange).api().orElseThrow();

        assertThat(api).isEqualTo(new ApiUse("openai", java.util.List.of("seed"), java.util.Optional.of(1)));
        assertThat(exchange.path()).isEqualTo("/v1/chat/completions");
    }
}
