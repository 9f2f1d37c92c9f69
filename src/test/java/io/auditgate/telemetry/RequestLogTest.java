package io.auditgate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.Outcome;
import io.auditgate.problem.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    @Test
    void anAnsweredRequestIsOneJsonLineWithTheFixedKeys() {
        var trace = new RequestTrace();
        trace.begin("req-1", System.nanoTime());
        trace.caller("acme", "a1c2e3f4", "api_key");
        trace.model("anthropic.claude-3-haiku-20240307-v1:0");
        trace.attempt(2_500_000);
        trace.usage(12, 34);
        trace.guardrail("redacted");
        trace.metadata(Map.of("team", "claims \"east\""));

        var text = RequestLog.text(new RequestLog.Line("POST", "/invoke", 200, Outcome.OK, 7_123_456, trace));

        assertThat(text).doesNotContain("\n");
        var json = parse(text);
        assertThat(json.keySet()).containsExactly("ts", "log", "request_id", "method", "path", "status", "outcome",
                "latency_ms", "tenant", "principal", "model", "attempts", "upstream_latency_ms", "input_tokens",
                "output_tokens", "guardrail_status", "metadata");
        assertThat(json.getString("path")).isEqualTo("/invoke");
        assertThat(json.getJsonNumber("latency_ms").doubleValue()).isEqualTo(7.123);
        assertThat(json.getJsonNumber("upstream_latency_ms").doubleValue()).isEqualTo(2.5);
        assertThat(json.getJsonObject("metadata").getString("team")).isEqualTo("claims \"east\"");
    }

    @Test
    void aRefusedRequestNamesItsProblemAndAnUnknownPathOnlyByItsHash() {
        var trace = new RequestTrace();
        trace.begin("req-2", System.nanoTime());
        trace.failed(ProblemType.NOT_FOUND);

        var json = parse(RequestLog.text(new RequestLog.Line("GET", "/planted-078-05-1120", 404, Outcome.REJECTED, 1_000, trace)));

        assertThat(json.getString("problem_type")).isEqualTo("not-found");
        assertThat(json.getString("path")).matches("sha256:[0-9a-f]{64}");
        assertThat(json).doesNotContainKeys("tenant", "model", "attempts", "metadata", "client_request_id");
    }

    @Test
    void anUnauthenticatedRequestsLineHoldsNoTextTheClientChose() {
        var trace = new RequestTrace();
        trace.begin(RequestIds.next(), System.nanoTime());
        trace.client("127.0.0.1", "PlantedAgent/1.0", "planted-client-id");
        trace.failed(ProblemType.UNAUTHENTICATED);

        var text = RequestLog.text(new RequestLog.Line("PLANTEDMETHOD", "/invoke", 401, Outcome.REJECTED, 1_000, trace));

        assertThat(text).doesNotContainIgnoringCase("planted");
        assertThat(parse(text).getString("method")).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void anAuthenticatedRequestsLineNamesTheClientsIdBesideTheGatewaysOwn() {
        var trace = new RequestTrace();
        var id = RequestIds.next();
        trace.begin(id, System.nanoTime());
        trace.client("127.0.0.1", "curl/8", "client-42");
        trace.caller("acme", "a1c2e3f4", "api_key");

        var json = parse(RequestLog.text(new RequestLog.Line("POST", "/invoke", 200, Outcome.OK, 1_000, trace)));

        assertThat(json.getString("request_id")).isEqualTo(id);
        assertThat(json.getString("client_request_id")).isEqualTo("client-42");
    }
}
