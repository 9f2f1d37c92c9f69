package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

class AdminApiTest {

    private static final String OTHER = "amazon.nova-lite-v1:0";

    @RegisterExtension
    final SimulatorFixture simulator = new SimulatorFixture();

    private ConverseResponse ask(String modelId, String question) {
        return simulator.sync().converse(r -> r.modelId(modelId).messages(ConverseTest.user(question)));
    }

    private void addFault(String json) throws Exception {
        assertThat(SdkClients.admin(simulator.endpoint(), "POST", "/_sim/faults", json).statusCode()).isEqualTo(204);
    }

    private JsonObject stats() throws Exception {
        var response = SdkClients.admin(simulator.endpoint(), "GET", "/_sim/stats", null);
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Test
    void throttlesTwiceForTheChosenModelThenAnswersAndCountsThreeCalls() throws Exception {
        addFault("{\"fault\":\"throttle\",\"times\":2,\"model\":\"" + SdkClients.HAIKU + "\"}");

        assertThat(ask(OTHER, "unaffected").stopReason()).isEqualTo(StopReason.END_TURN);
        assertThatThrownBy(() -> ask(SdkClients.HAIKU, "hello")).isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> ask(SdkClients.HAIKU, "hello")).isInstanceOf(ThrottlingException.class);
        assertThat(ask(SdkClients.HAIKU, "hello").stopReason()).isEqualTo(StopReason.END_TURN);

        JsonObject stats = stats();
        assertThat(stats.getInt("total")).isEqualTo(4);
        assertThat(stats.getJsonObject("models").getJsonObject(SdkClients.HAIKU).getInt("converse")).isEqualTo(3);
        assertThat(stats.getJsonObject("models").getJsonObject(SdkClients.HAIKU).getInt("converse-stream")).isZero();
        assertThat(stats.getJsonObject("models").getJsonObject(OTHER).getInt("converse")).isEqualTo(1);
    }

    @Test
    void appliesARuleOnlyToPromptsContainingItsText() throws Exception {
        addFault("{\"fault\":\"internal\",\"times\":-1,\"promptContains\":\"explode\"}");

        assertThat(ask(SdkClients.HAIKU, "calm question").stopReason()).isEqualTo(StopReason.END_TURN);
        assertThatThrownBy(() -> ask(SdkClients.HAIKU, "please explode")).isInstanceOf(InternalServerException.class);
        assertThatThrownBy(() -> ask(SdkClients.HAIKU, "explode again")).isInstanceOf(InternalServerException.class);
    }

    @Test
    void clearingFaultsRestoresNormalAnswers() throws Exception {
        addFault("{\"fault\":\"throttle\",\"times\":-1}");
        assertThatThrownBy(() -> ask(SdkClients.HAIKU, "hello")).isInstanceOf(ThrottlingException.class);

        assertThat(SdkClients.admin(simulator.endpoint(), "DELETE", "/_sim/faults", null).statusCode()).isEqualTo(204);

        assertThat(ask(SdkClients.HAIKU, "hello").stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void resetClearsRulesAndStatistics() throws Exception {
        addFault("{\"fault\":\"throttle\",\"times\":-1}");
        assertThatThrownBy(() -> ask(SdkClients.HAIKU, "hello")).isInstanceOf(ThrottlingException.class);

        assertThat(SdkClients.admin(simulator.endpoint(), "POST", "/_sim/reset", null).statusCode()).isEqualTo(204);

        assertThat(stats().getInt("total")).isZero();
        assertThat(ask(SdkClients.HAIKU, "hello").stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void rejectsAnUnknownFaultName() throws Exception {
        var response = SdkClients.admin(simulator.endpoint(), "POST", "/_sim/faults", "{\"fault\":\"gremlins\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown fault: gremlins");
    }
}
