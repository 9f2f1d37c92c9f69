package io.auditgate.openai;

import static io.auditgate.openai.ChatCompletionsParserTest.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolResult;
import io.auditgate.conversation.Tools;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OpenAI's tools, tool_choice, assistant tool_calls and tool messages, mapped to the neutral request. */
class OpenAiToolsTest {

    private static final String WEATHER = """
            {"type":"function","function":{"name":"get_weather","description":"Weather for a city",
             "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}""";
    private static final String ROUND_TRIP = """
            [{"role":"user","content":"Weather in Paris and Rome?"},
             {"role":"assistant","content":null,"tool_calls":[
               {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
               {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\",\\"days\\":2}"}}]},
             {"role":"tool","tool_call_id":"call_1","content":"Sunny"},
             {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"Rain"}]}]""";

    private final ChatCompletionsParser parser = ChatCompletionsParserTest.parser();

    private ChatRequest parse(String messages, String extra) {
        var body = "{\"model\":\"" + MODEL + "\",\"messages\":" + messages + ",\"tools\":[" + WEATHER + "]" + extra + "}";
        return parser.parse(Json.createReader(new StringReader(body)).readObject(), "r1").request();
    }

    private FieldError refusal(String messages, String extra) {
        var e = catchThrowableOfType(GatewayException.class, () -> parse(messages, extra));
        assertThat(e).as("refused").isNotNull();
        return e.errors().get(0);
    }

    private static String user(String text) {
        return "[{\"role\":\"user\",\"content\":\"" + text + "\"}]";
    }

    @Test
    void aFunctionToolBecomesAToolSpecWithItsSchemaAsSent() {
        var tools = parse(user("Hi"), "").tools();

        assertThat(tools.choice()).isEqualTo(Tools.Choice.AUTO);
        assertThat(tools.specs()).singleElement().satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("get_weather");
            assertThat(spec.description()).isEqualTo("Weather for a city");
            assertThat(spec.inputSchema().getJsonArray("required").getString(0)).isEqualTo("city");
        });
    }

    @Test
    void toolChoiceAutoRequiredAndANamedFunctionBecomeAutoAnyAndTool() {
        assertThat(parse(user("Hi"), ",\"tool_choice\":\"auto\"").tools().choice()).isEqualTo(Tools.Choice.AUTO);
        assertThat(parse(user("Hi"), ",\"tool_choice\":\"required\"").tools().choice()).isEqualTo(Tools.Choice.ANY);
        var named = parse(user("Hi"), ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
        assertThat(named.tools()).isEqualTo(new Tools(named.tools().specs(), Tools.Choice.TOOL, Optional.of("get_weather")));
    }

    @Test
    void toolChoiceNoneIsRefusedNamingTheParam() {
        assertThat(refusal(user("Hi"), ",\"tool_choice\":\"none\"").field()).isEqualTo("tool_choice");
    }

    @Test
    void aNamedToolThatIsNotOfferedIsRefused() {
        assertThat(refusal(user("Hi"), ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"other\"}}")
                .field()).isEqualTo("tool_choice.function.name");
    }

    @Test
    void toolCallsBecomeToolUseAndConsecutiveToolMessagesOneUserTurnOfResults() {
        var request = parse(ROUND_TRIP, "");

        assertThat(request.messages()).extracting(ChatMessage::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        var assistant = request.messages().get(1);
        assertThat(assistant.content()).isEmpty();
        assertThat(assistant.toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(assistant.toolCalls().get(1).input().getInt("days")).isEqualTo(2);
        assertThat(request.messages().get(2).toolResults()).containsExactly(
                new ToolResult("call_1", "Sunny", false), new ToolResult("call_2", "Rain", false));
    }

    @Test
    void aUserMessageAfterToolMessagesJoinsTheirTurn() {
        var messages = ROUND_TRIP.substring(0, ROUND_TRIP.length() - 1) + ",{\"role\":\"user\",\"content\":\"Thanks\"}]";

        var last = parse(messages, "").messages().get(2);

        assertThat(last.toolResults()).hasSize(2);
        assertThat(last.content()).isEqualTo("Thanks");
    }

    @Test
    void argumentsThatAreNotAJsonObjectAreRefusedNamingTheField() {
        var messages = ROUND_TRIP.replace("{\\\"city\\\":\\\"Paris\\\"}", "{city: Paris");

        assertThat(refusal(messages, "")).isEqualTo(new FieldError("messages[1].tool_calls[0].function.arguments",
                "must be a JSON object, written as a string"));
    }

    @Test
    void aToolCallLeftUnansweredIsRefused() {
        var messages = ROUND_TRIP.replace("\"tool_call_id\":\"call_2\"", "\"tool_call_id\":\"call_1\"");

        assertThat(refusal(messages, "").field()).isEqualTo("messages");
    }

    @Test
    void aToolMessageThatAnswersNoCallIsRefused() {
        var messages = "[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"tool\",\"tool_call_id\":\"call_9\",\"content\":\"42\"}]";

        assertThat(refusal(messages, "").field()).isEqualTo("messages");
    }

    @Test
    void theLegacyFunctionsAreRefusedPointingToTools() {
        assertThat(refusal(user("Hi"), ",\"functions\":[{\"name\":\"f\"}]").message()).contains("use tools");
    }

    @Test
    void aToolNameThatBedrockWouldRefuseIsRefusedHere() {
        var body = "{\"model\":\"" + MODEL + "\",\"messages\":" + user("Hi")
                + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get weather!\"}}]}";
        var e = catchThrowableOfType(GatewayException.class,
                () -> parser.parse(Json.createReader(new StringReader(body)).readObject(), "r1"));

        assertThat(e.errors()).containsExactly(
                new FieldError("tools[0].function.name", "must be 1 to 64 letters, digits, _ or -"));
    }
}
