package io.auditgate.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemContractTest {

    @Test
    void everyProblemTypeIsInTheContractAndNothingElse() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        var declared = new ArrayList<String>();
        spec.at("/components/schemas/Problem/properties/type/enum").forEach(n -> declared.add(n.asText()));

        assertThat(declared).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(t -> t.type().toString()).toList());
    }

    @Test
    void everyStatusTheGatewayCanAnswerIsDocumentedOnInvoke() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        var responses = spec.at("/paths/~1invoke/post/responses");

        Arrays.stream(ProblemType.values()).forEach(t -> assertThat(responses.has(Integer.toString(t.status()))).as(t.name()).isTrue());
    }

    @Test
    void problemJsonCarriesTypeTitleStatusDetailAndRequestIdOnly() {
        var problem = new Problem(ProblemType.THROTTLED, "Retry later.", "req-1", java.util.List.of(), null);

        var json = ProblemWriter.toJson(problem).build();

        assertThat(json.keySet()).containsExactlyInAnyOrder("type", "title", "status", "detail", "request_id");
        assertThat(json.getString("type")).isEqualTo("https://auditgate.io/problems/throttled");
        assertThat(json.getInt("status")).isEqualTo(429);
    }

    @Test
    void aCappedErrorListSaysHowManyItLeftOut() {
        var errors = java.util.stream.IntStream.range(0, 50).mapToObj(i -> new FieldError("f" + i, "unknown field")).toList();

        var json = ProblemWriter.toJson(Problem.of(GatewayException.invalid(errors), "req-1")).build();

        assertThat(json.getJsonArray("errors")).hasSize(Problem.MAX_ERRORS);
        assertThat(json.getInt("errors_omitted")).isEqualTo(30);
        assertThat(json.getString("detail")).isEqualTo("f0: unknown field (and 49 more)");
    }

    @Test
    void aShortErrorListHasNoOmittedCount() {
        var json = ProblemWriter.toJson(Problem.of(GatewayException.invalid(java.util.List.of(new FieldError("a", "b"))), "r"))
                .build();

        assertThat(json.containsKey("errors_omitted")).isFalse();
    }

    @Test
    void aFieldNameIsCutSoThatNoAnswerEchoesLongClientText() {
        assertThat(new FieldError("x".repeat(10_000), "unknown field").field()).hasSize(FieldError.MAX_FIELD_CHARS);
    }

    @Test
    void everyStatusTheGatewayAnswersHasAStandardReasonPhrase() {
        assertThat(ReasonPhrase.THE_CONTAINER_LACKS).containsEntry(429, "Too Many Requests").containsKey(422);
    }
}
