package io.auditgate.bedrock;

import static io.auditgate.conversation.ToolConversations.CALL_ID;
import static io.auditgate.conversation.ToolConversations.json;
import static io.auditgate.conversation.ToolConversations.offered;
import static io.auditgate.conversation.ToolConversations.roundTrip;
import static io.auditgate.conversation.ToolConversations.weather;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.Tools;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/** The Converse request and answer with tool use: what Bedrock gets is the screened conversation, block for block. */
class ConverseToolsTest {

    private final Guardrails guardrails = new Guardrails();

    @Test
    void piiInAToolResultNeverReachesTheConverseRequest() {
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, roundTrip("{\"city\":\"Paris\"}",
                "Owner jane.doe@example.com", offered(weather("Weather"))));

        var request = Converse.request(prompt);

        var result = request.messages().get(2).content().get(0).toolResult();
        assertThat(result.toolUseId()).isEqualTo(CALL_ID);
        assertThat(result.content().get(0).text()).isEqualTo("Owner [EMAIL_1]");
        assertThat(result.status()).isEqualTo(ToolResultStatus.SUCCESS);
        assertThat(request.toString()).doesNotContain("jane.doe");
        assertThat(request.messages().get(2).content()).hasSize(1); // no empty text block after the results
    }

    @Test
    void anAssistantTurnIsItsTextThenItsToolUseWithTheScreenedInputAsADocument() {
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, roundTrip(
                "{\"to\":\"jane.doe@example.com\",\"days\":2,\"ratio\":0.1,\"hot\":false,\"none\":null,\"tags\":[\"a\"]}",
                "ok", offered(weather("Weather"))));

        var content = Converse.request(prompt).messages().get(1).content();

        assertThat(content.get(0).text()).isEqualTo("I will use the get_weather tool.");
        var use = content.get(1).toolUse();
        assertThat(use.toolUseId()).isEqualTo(CALL_ID);
        assertThat(use.name()).isEqualTo("get_weather");
        var input = use.input().asMap();
        assertThat(input.get("to").asString()).isEqualTo("[EMAIL_1]");
        assertThat(input.get("days").asNumber().bigDecimalValue()).isEqualByComparingTo("2");
        assertThat(input.get("ratio").asNumber().bigDecimalValue()).isEqualByComparingTo("0.1");
        assertThat(input.get("hot").asBoolean()).isFalse();
        assertThat(input.get("none").isNull()).isTrue();
        assertThat(input.get("tags").asList().get(0).asString()).isEqualTo("a");
    }

    @Test
    void theToolsOfferedAndTheChoiceBecomeTheToolConfiguration() {
        var forced = new Tools(offered(weather("Weather for a city")).specs(), Tools.Choice.TOOL, Optional.of("get_weather"));
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, roundTrip("{}", "ok", forced));

        var config = Converse.request(prompt).toolConfig();
        var stream = Converse.streamRequest(prompt).toolConfig();

        var spec = config.tools().get(0).toolSpec();
        assertThat(spec.name()).isEqualTo("get_weather");
        assertThat(spec.description()).isEqualTo("Weather for a city");
        assertThat(spec.inputSchema().json().asMap().get("type").asString()).isEqualTo("object");
        assertThat(config.toolChoice().tool().name()).isEqualTo("get_weather");
        assertThat(stream).isEqualTo(config);
    }

    @Test
    void aRequestWithoutToolsHasNoToolConfiguration() {
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, roundTrip("{}", "ok", offered()));

        assertThat(Converse.request(prompt).toolConfig()).isNull();
    }

    @Test
    void theAnswersToolUseBlocksBecomeToolCallsWithTheirInputAsJson() {
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, roundTrip("{}", "ok", offered(weather("Weather"))));
        var input = Document.mapBuilder().putString("city", "Paris")
                .putNumber("big", SdkNumber.fromString("12345678901234567890"))
                .putDocument("nested", Document.mapBuilder().putBoolean("ok", true).putNull("gap").build()).build();
        var response = ConverseResponse.builder().stopReason(StopReason.TOOL_USE)
                .output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT).content(
                        ContentBlock.fromText("Let me check."),
                        ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_9").name("get_weather")
                                .input(input).build())).build())).build();

        var completion = Converse.completion(prompt, response);

        assertThat(completion.text()).isEqualTo("Let me check.");
        assertThat(completion.stopReason()).isEqualTo("tool_use");
        assertThat(completion.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_9");
            assertThat(call.input()).isEqualTo(json(
                    "{\"city\":\"Paris\",\"big\":12345678901234567890,\"nested\":{\"ok\":true,\"gap\":null}}"));
        });
    }
}
