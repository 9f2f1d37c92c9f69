package io.auditgate.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.http.TextLimits;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCompletionsParserTest {

    static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private final ChatCompletionsParser parser = parser();

    static ChatCompletionsParser parser() {
        var limits = new TextLimits(1000, 8, 4096);
        var messages = new OpenAiMessages();
        messages.limits = limits;
        var parser = new ChatCompletionsParser();
        parser.limits = limits;
        parser.messages = messages;
        return parser;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private ChatCompletionsParser.Parsed parse(String body) {
        return parser.parse(json(body), "r1");
    }

    /** A body with {@code extra} members added to a valid one. */
    private ChatCompletionsParser.Parsed with(String extra) {
        return parse("{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]" + extra + "}");
    }

    private FieldError refusal(String extra) {
        var e = catchThrowableOfType(GatewayException.class, () -> with(extra));
        assertThat(e).as("refused: " + extra).isNotNull();
        assertThat(e.problem()).isEqualTo(ProblemType.INVALID_REQUEST);
        return e.errors().get(0);
    }

    @Test
    void aMinimalRequestIsOneUserMessageForTheNamedModel() {
        var request = with("").request();

        assertThat(request.model()).isEqualTo(MODEL);
        assertThat(request.requestId()).isEqualTo("r1");
        assertThat(request.messages()).containsExactly(new ChatMessage(Role.USER, "Hi"));
        assertThat(request.system()).isEmpty();
        assertThat(request.inference().isDefault()).isTrue();
        assertThat(request.stream()).isFalse();
    }

    @Test
    void systemAndDeveloperMessagesBecomeTheSystemTextInTheirOrder() {
        var request = parse("""
                {"model":"%s","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
                 {"role":"developer","content":"Answer in English."},{"role":"assistant","content":"Hello"},
                 {"role":"user","content":"Bye"}]}""".formatted(MODEL)).request();

        assertThat(request.system()).contains("Be brief.\n\nAnswer in English.");
        assertThat(request.messages()).extracting(ChatMessage::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
    }

    @Test
    void consecutiveMessagesOfTheSameRoleAreMerged() {
        var request = parse("""
                {"model":"%s","messages":[{"role":"user","content":"First."},{"role":"user","content":"Second."},
                 {"role":"assistant","content":"A"},{"role":"assistant","content":"B"},{"role":"user","content":"Third."}]}"""
                .formatted(MODEL)).request();

        assertThat(request.messages()).containsExactly(new ChatMessage(Role.USER, "First.\n\nSecond."),
                new ChatMessage(Role.ASSISTANT, "A\n\nB"), new ChatMessage(Role.USER, "Third."));
    }

    @Test
    void textPartsAreJoinedByANewline() {
        var request = parse("""
                {"model":"%s","messages":[{"role":"user","content":[{"type":"text","text":"One"},{"type":"text","text":"Two"}]}]}"""
                .formatted(MODEL)).request();

        assertThat(request.messages()).containsExactly(new ChatMessage(Role.USER, "One\nTwo"));
    }

    @Test
    void readsTheInferenceParametersMetadataAndUser() {
        var parsed = with(",\"max_completion_tokens\":200,\"max_tokens\":10,\"temperature\":0.2,\"top_p\":0.9,"
                + "\"stop\":\"END\",\"metadata\":{\"team\":\"claims\"},\"user\":\"u-42\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}");

        var request = parsed.request();
        assertThat(request.inference()).isEqualTo(new Inference(200, 0.2, 0.9, List.of("END")));
        assertThat(request.metadata()).containsEntry("team", "claims").containsEntry("user", "u-42");
        assertThat(request.stream()).isTrue();
        assertThat(parsed.includeUsage()).isTrue();
    }

    @Test
    void maxTokensCountsWhenMaxCompletionTokensIsAbsentAndStopMayBeAList() {
        var request = with(",\"max_tokens\":64,\"stop\":[\"a\",\"b\"]").request();

        assertThat(request.inference().maxTokens()).isEqualTo(64);
        assertThat(request.inference().stop()).containsExactly("a", "b");
    }

    @Test
    void unknownAndNeutralFieldsAreIgnoredAndListed() {
        var parsed = with(",\"seed\":7,\"n\":1,\"presence_penalty\":0,\"tools\":[],\"store\":false,\"x-odd key\":1");

        assertThat(parsed.request().ignoredFields()).containsExactly("(unnamed)", "n", "presence_penalty", "seed", "store");
    }

    @Test
    void theIgnoredListIsBounded() {
        var extra = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            extra.append(",\"f").append(i).append("\":1");
        }

        assertThat(with(extra.toString()).request().ignoredFields()).hasSize(ChatCompletionsParser.MAX_IGNORED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ",\"tool_choice\":\"required\"|tool_choice",
            ",\"functions\":[{\"name\":\"f\"}]|functions",
            ",\"function_call\":\"auto\"|function_call",
            ",\"n\":2|n",
            ",\"logprobs\":true|logprobs",
            ",\"top_logprobs\":2|top_logprobs",
            ",\"audio\":{\"voice\":\"alloy\"}|audio",
            ",\"modalities\":[\"text\",\"audio\"]|modalities",
            ",\"response_format\":{\"type\":\"json_object\"}|response_format",
            ",\"prediction\":{\"type\":\"content\"}|prediction",
            ",\"frequency_penalty\":0.5|frequency_penalty",
            ",\"logit_bias\":{\"50256\":-100}|logit_bias"})
    void whatConverseCannotDoIsRefusedNamingTheField(String extraAndParam) {
        var parts = extraAndParam.split("\\|");

        assertThat(refusal(parts[0]).field()).isEqualTo(parts[1]);
    }

    @Test
    void rangesAreInvokes() {
        assertThat(refusal(",\"temperature\":1.5")).isEqualTo(new FieldError("temperature", "must be between 0 and 1"));
        assertThat(refusal(",\"max_completion_tokens\":0").field()).isEqualTo("max_completion_tokens");
        assertThat(refusal(",\"max_tokens\":5000").field()).isEqualTo("max_tokens");
        assertThat(refusal(",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]").field()).isEqualTo("stop");
        assertThat(refusal(",\"stream\":\"yes\"").field()).isEqualTo("stream");
    }

    @Test
    void theUserMayNotAlsoBeAMetadataKey() {
        assertThat(refusal(",\"user\":\"a\",\"metadata\":{\"user\":\"b\"}").field()).isEqualTo("user");
    }

    @Test
    void theConversationStartsAndEndsWithTheUserAndHasNoBlankMessage() {
        assertThat(catchThrowableOfType(GatewayException.class, () -> parse("""
                {"model":"%s","messages":[{"role":"assistant","content":"Hi"},{"role":"user","content":"Go"}]}"""
                .formatted(MODEL))).errors().get(0).message()).contains("first message");
        assertThat(catchThrowableOfType(GatewayException.class, () -> parse("""
                {"model":"%s","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yes"}]}"""
                .formatted(MODEL))).errors().get(0).message()).contains("last message");
        assertThat(catchThrowableOfType(GatewayException.class, () -> parse("""
                {"model":"%s","messages":[{"role":"system","content":"Only a system message"}]}"""
                .formatted(MODEL))).errors().get(0).message()).contains("at least one user message");
        assertThat(catchThrowableOfType(GatewayException.class, () -> parse("""
                {"model":"%s","messages":[{"role":"user","content":"  "}]}""".formatted(MODEL)))
                .errors().get(0)).isEqualTo(new FieldError("messages[0].content", "must not be empty or blank"));
    }

    @Test
    void modelAndMessagesAreRequired() {
        var e = catchThrowableOfType(GatewayException.class, () -> parse("{}"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("model", "messages");
    }

    @Test
    void aModelThatIsNoBedrockIdIsNotFoundNotRenamed() {
        var e = catchThrowableOfType(GatewayException.class,
                () -> parse("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

        assertThat(e.problem()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(e.errors().get(0).field()).isEqualTo("model");
        assertThat(e.detail()).doesNotContain("gpt-4o");
    }

    @Test
    void allTextTogetherIsCapped() {
        var text = "x".repeat(600);
        var e = catchThrowableOfType(GatewayException.class, () -> parse("""
                {"model":"%s","messages":[{"role":"system","content":"%s"},{"role":"user","content":"%s"}]}"""
                .formatted(MODEL, text, text)));

        assertThat(e.errors().get(0).message()).contains("at most 1000 characters");
    }
}
