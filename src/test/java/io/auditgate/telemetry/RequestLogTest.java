package io.auditgate.telemetry;

import static io.auditgate.testing.Requests.HAIKU;
import static io.auditgate.testing.Requests.arrived;
import static io.auditgate.testing.Requests.caller;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private final Guardrails guardrails = new Guardrails();

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    @Test
    void anAnsweredRequestIsOneJsonLineWithTheFixedKeys() {
        var exchange = arrived(null, null).authenticated(caller()).asking(HAIKU);
        exchange.calls().attempt("anthropic.claude-3-haiku-20240307-v1:0", "answered", 2_500_000);
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, new ChatRequest(exchange.requestId(), HAIKU,
                Optional.empty(), List.of(new ChatMessage(Role.USER, "Mail jane.planted@example.com")),
                new Inference(null, null, null, List.of()), Map.of("team", "claims \"east\"")));
        var answer = guardrails.screen(prompt, new Completion(HAIKU, "Done.", "end_turn", new Completion.Usage(12, 34, 46),
                Optional.empty()));
        var ending = Ending.answered(exchange, prompt, answer);
        ending = new Ending(exchange, ending.prompt(), ending.answer(), ending.calls(), ending.problem(), 200, 7_123_456);

        var text = RequestLog.text(ending);

        assertThat(text).doesNotContain("\n").doesNotContain("planted");
        var json = parse(text);
        assertThat(json.keySet()).containsExactly("ts", "log", "request_id", "method", "path", "status", "outcome",
                "latency_ms", "tenant", "principal", "model", "attempts", "upstream_latency_ms", "input_tokens",
                "output_tokens", "guardrail_status", "metadata");
        assertThat(json.getString("path")).isEqualTo("/invoke");
        assertThat(json.getString("guardrail_status")).isEqualTo("redacted");
        assertThat(json.getJsonNumber("latency_ms").doubleValue()).isEqualTo(7.123);
        assertThat(json.getJsonNumber("upstream_latency_ms").doubleValue()).isEqualTo(2.5);
        assertThat(json.getJsonObject("metadata").getString("team")).isEqualTo("claims \"east\"");
    }

    @Test
    void aRefusedRequestNamesItsProblemAndAnUnknownPathOnlyByItsHash() {
        var exchange = Exchange.arrived("invoke", "GET", "/planted-078-05-1120", Exchange.Client.of("127.0.0.1", null, null));

        var json = parse(RequestLog.text(Ending.refused(exchange, Optional.empty(), ProblemType.NOT_FOUND)));

        assertThat(json.getString("problem_type")).isEqualTo("not-found");
        assertThat(json.getInt("status")).isEqualTo(404);
        assertThat(json.getString("path")).matches("sha256:[0-9a-f]{64}");
        assertThat(json).doesNotContainKeys("tenant", "model", "attempts", "metadata", "client_request_id");
    }

    @Test
    void anUnauthenticatedRequestsLineHoldsNoTextTheClientChose() {
        var exchange = Exchange.arrived("invoke", "PLANTEDMETHOD", "/invoke",
                Exchange.Client.of("127.0.0.1", "PlantedAgent/1.0", "planted-client-id"));

        var text = RequestLog.text(Ending.refused(exchange, Optional.empty(), ProblemType.UNAUTHENTICATED));

        assertThat(text).doesNotContainIgnoringCase("planted");
        assertThat(parse(text).getString("method")).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void anAuthenticatedRequestsLineNamesTheClientsIdBesideTheGatewaysOwn() {
        var exchange = arrived("curl/8", "client-42").authenticated(caller());

        var json = parse(RequestLog.text(Ending.refused(exchange, Optional.empty(), ProblemType.MODEL_NOT_ALLOWED)));

        assertThat(json.getString("request_id")).isEqualTo(exchange.requestId());
        assertThat(json.getString("client_request_id")).isEqualTo("client-42");
    }
}
