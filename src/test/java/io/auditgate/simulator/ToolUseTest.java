package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ToolUseTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private static Tool tool(String name, String property) {
        var schema = Document.mapBuilder().putString("type", "object")
                .putDocument("properties", Document.mapBuilder()
                        .putDocument("unit", Document.mapBuilder().putString("type", "number").build())
                        .putDocument(property, Document.mapBuilder().putString("type", "string").build())
                        .build())
                .build();
        return Tool.fromToolSpec(ToolSpecification.builder().name(name).description("A tool named " + name)
                .inputSchema(ToolInputSchema.fromJson(schema)).build());
    }

    private static ToolConfiguration tools(ToolChoice choice) {
        var config = ToolConfiguration.builder().tools(tool("get_weather", "city"), tool("lookup_account", "iban"));
        return choice == null ? config.build() : config.toolChoice(choice).build();
    }

    private static ConverseResponse converse(ToolConfiguration config, Message... messages) {
        return simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU).messages(messages)
                .toolConfig(config).build());
    }

    private static ConverseStreamRequest streamed(ToolConfiguration config, Message... messages) {
        return ConverseStreamRequest.builder().modelId(SdkClients.HAIKU).messages(messages).toolConfig(config)
                .build();
    }

    private static Message assistant(ContentBlock... blocks) {
        return Message.builder().role(ConversationRole.ASSISTANT).content(blocks).build();
    }

    private static Message toolResult(String toolUseId, String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromToolResult(ToolResultBlock
                .builder().toolUseId(toolUseId).content(ToolResultContentBlock.fromText(text)).build())).build();
    }

    @Test
    void callsTheToolThePromptNamesAfterASentence() {
        var response = converse(tools(null), ConverseTest.user("Please use tool get_weather for Paris"));

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        var content = response.output().message().content();
        assertThat(content).hasSize(2);
        assertThat(content.get(0).text()).isEqualTo("I will use the get_weather tool.");
        ToolUseBlock use = content.get(1).toolUse();
        assertThat(use.name()).isEqualTo("get_weather");
        assertThat(use.toolUseId()).matches("tooluse_[A-Za-z0-9]{22}");
        assertThat(use.input().asMap().get("city").asString()).isEqualTo("Please use tool get_weather for Paris");
    }

    @Test
    void answersWithTextWhenToolsAreOfferedButNotAskedFor() {
        var response = converse(tools(null), ConverseTest.user("How do tides work?"));

        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.output().message().content()).singleElement()
                .satisfies(block -> assertThat(block.text()).startsWith("Simulated answer"));
    }

    @Test
    void callsTheFirstToolAloneWhenAnyToolMustBeUsed() {
        var response = converse(tools(ToolChoice.fromAny(AnyToolChoice.builder().build())),
                ConverseTest.user("How do tides work?"));

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.output().message().content()).singleElement()
                .satisfies(block -> assertThat(block.toolUse().name()).isEqualTo("get_weather"));
    }

    @Test
    void callsTheToolThatToolChoiceNames() {
        var choice = ToolChoice.fromTool(SpecificToolChoice.builder().name("lookup_account").build());
        var response = converse(tools(choice), ConverseTest.user("How do tides work?"));

        assertThat(response.output().message().content()).singleElement()
                .satisfies(block -> assertThat(block.toolUse().name()).isEqualTo("lookup_account"));
    }

    @Test
    void echoesTheToolResultInTheFinalAnswer() {
        var question = ConverseTest.user("use tool get_weather for Paris");
        var call = converse(tools(null), question).output().message();
        String id = call.content().get(1).toolUse().toolUseId();

        var answer = converse(tools(null), question, call, toolResult(id, "21 degrees and sunny"));

        assertThat(answer.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(answer.output().message().content().get(0).text())
                .isEqualTo("Simulated answer from " + SdkClients.HAIKU + ": The tool get_weather returned: "
                        + "21 degrees and sunny");
    }

    @Test
    void streamsAToolCallAsBedrockDoes() throws Exception {
        var seen = StreamRecorder.run(simulator.async(),
                streamed(tools(null), ConverseTest.user("use tool lookup_account now"))).finished();

        assertThat(seen.events).containsSubsequence("messageStart", "contentBlockDelta", "contentBlockStop",
                "contentBlockStart", "contentBlockDelta", "contentBlockDelta", "contentBlockStop", "messageStop",
                "metadata").doesNotContain("unexpected");
        assertThat(seen.text()).isEqualTo("I will use the lookup_account tool.");
        var start = seen.starts.getFirst();
        assertThat(start.contentBlockIndex()).isEqualTo(1);
        assertThat(start.start().toolUse().name()).isEqualTo("lookup_account");
        assertThat(start.start().toolUse().toolUseId()).startsWith("tooluse_");
        assertThat(seen.toolFragments).hasSizeGreaterThan(2);
        assertThat(Json.createReader(new StringReader(seen.toolInput())).readObject().getString("iban"))
                .isEqualTo("use tool lookup_account now");
        assertThat(seen.stopReason).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void streamsTheSameToolCallAsConverseMakes() throws Exception {
        var question = ConverseTest.user("use tool get_weather in Oslo");
        var whole = converse(tools(null), question).output().message().content().get(1).toolUse();

        var seen = StreamRecorder.run(simulator.async(), streamed(tools(null), question)).finished();

        assertThat(seen.starts.getFirst().start().toolUse().toolUseId()).isEqualTo(whole.toolUseId());
        assertThat(Json.createReader(new StringReader(seen.toolInput())).readObject().getString("city"))
                .isEqualTo(whole.input().asMap().get("city").asString());
    }

    @Test
    void streamsAToolRoundTripToItsFinalAnswer() throws Exception {
        var question = ConverseTest.user("use tool get_weather for Paris");
        var call = converse(tools(null), question).output().message();
        String id = call.content().get(1).toolUse().toolUseId();

        var seen = StreamRecorder.run(simulator.async(), streamed(tools(null), question, call, toolResult(id, "Rain")))
                .finished();

        assertThat(seen.text()).endsWith("The tool get_weather returned: Rain");
        assertThat(seen.starts).isEmpty();
        assertThat(seen.stopReason).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void takesAScriptedToolInputCutIntoTheGivenFragments() throws Exception {
        assertThat(SdkClients.admin(simulator.endpoint(), "POST", "/_sim/answers",
                "{\"toolInput\":{\"iban\":\"DE89370400440532013000\"},\"chunkChars\":5,"
                        + "\"promptContains\":\"scripted tool\"}").statusCode()).isEqualTo(204);

        var seen = StreamRecorder.run(simulator.async(),
                streamed(tools(ToolChoice.fromAny(AnyToolChoice.builder().build())), ConverseTest.user("scripted tool call")))
                .finished();

        assertThat(seen.toolInput()).isEqualTo("{\"iban\":\"DE89370400440532013000\"}");
        assertThat(seen.toolFragments).allSatisfy(fragment -> assertThat(fragment.length()).isLessThanOrEqualTo(5));
        assertThat(seen.textDeltas).isEmpty();
        assertThat(seen.starts.getFirst().contentBlockIndex()).isZero();
    }

    @Test
    void refusesAToolResultWithoutItsToolUse() {
        var question = ConverseTest.user("use tool get_weather");
        var call = converse(tools(null), question).output().message();

        assertThatThrownBy(() -> converse(tools(null), question, call, toolResult("tooluse_unknown", "x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tooluse_unknown");
    }

    @Test
    void refusesAToolUseThatIsNotAnsweredInTheNextMessage() {
        var question = ConverseTest.user("use tool get_weather");
        var call = converse(tools(null), question).output().message();

        assertThatThrownBy(() -> converse(tools(null), question, call, ConverseTest.user("never mind")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("`tool_use` ids were found without `tool_result` blocks");
    }

    @Test
    void refusesToolBlocksWithoutToolConfig() {
        var use = ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_a").name("get_weather")
                .input(Document.mapBuilder().build()).build());

        assertThatThrownBy(() -> simulator.sync().converse(r -> r.modelId(SdkClients.HAIKU).messages(
                ConverseTest.user("hi"), assistant(use), toolResult("tooluse_a", "x"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("The toolConfig field must be defined");
    }

    @Test
    void refusesAToolChoiceNamingNoOfferedTool() {
        var choice = ToolChoice.fromTool(SpecificToolChoice.builder().name("send_money").build());

        assertThatThrownBy(() -> converse(tools(choice), ConverseTest.user("hi")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("send_money");
    }

    @Test
    void countsTheToolInputAsOutputTokens() {
        var response = converse(tools(null), ConverseTest.user("use tool get_weather"));
        var content = response.output().message().content();
        int characters = content.get(0).text().length()
                + ("{\"city\":\"use tool get_weather\"}").length();

        assertThat(response.usage().outputTokens()).isEqualTo(Completion.tokens(characters));
        assertThat(content.get(1).toolUse().input().asMap()).containsOnlyKeys("city");
    }
}
