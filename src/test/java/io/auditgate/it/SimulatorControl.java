package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;

/** Drives the Bedrock simulator's admin API: the gateway under test runs in another process. */
record SimulatorControl(URI endpoint) {

    void fault(String fault, int times, String model) {
        fault(fault, times, model, 0);
    }

    void fault(String fault, int times, String model, int delayMs) {
        var body = Json.createObjectBuilder().add("fault", fault).add("times", times).add("model", model)
                .add("delayMs", delayMs).build().toString();
        assertThat(Http.postJson(endpoint.resolve("/_sim/faults"), body).statusCode()).isEqualTo(204);
    }

    /** A stream fault that strikes after {@code afterDeltas} deltas ({@code 0}: before the first). */
    void streamFault(String fault, int times, String model, int afterDeltas) {
        var body = Json.createObjectBuilder().add("fault", fault).add("times", times).add("model", model)
                .add("afterDeltas", afterDeltas).build().toString();
        assertThat(Http.postJson(endpoint.resolve("/_sim/faults"), body).statusCode()).isEqualTo(204);
    }

    /** The model's next answer, streamed in exactly these pieces. */
    void answerInChunks(String... chunks) {
        var list = Json.createArrayBuilder();
        for (var chunk : chunks) {
            list.add(chunk);
        }
        var body = Json.createObjectBuilder().add("chunks", list).build().toString();
        assertThat(Http.postJson(endpoint.resolve("/_sim/answers"), body).statusCode()).isBetween(200, 204);
    }

    /** Every later streamed answer to a prompt containing {@code promptContains} pauses {@code gapMs} between deltas. */
    void paceStreams(String promptContains, int gapMs) {
        var body = Json.createObjectBuilder().add("tokenDelayMs", gapMs).add("times", -1)
                .add("promptContains", promptContains).build().toString();
        assertThat(Http.postJson(endpoint.resolve("/_sim/answers"), body).statusCode()).isBetween(200, 204);
    }

    void reset() {
        Http.send(HttpRequest.newBuilder(endpoint.resolve("/_sim/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** How many model calls of any operation the simulator received for this model. */
    int calls(String model) {
        var stats = Json.createReader(new StringReader(Http.get(endpoint.resolve("/_sim/stats")).body())).readObject();
        var models = stats.getJsonObject("models");
        if (models == null || !models.containsKey(model)) {
            return 0;
        }
        return models.getJsonObject(model).values().stream().mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).sum();
    }
}
