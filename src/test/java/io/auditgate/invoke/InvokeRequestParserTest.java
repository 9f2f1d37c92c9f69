package io.auditgate.invoke;

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
import org.junit.jupiter.api.Test;

class InvokeRequestParserTest {

    private final InvokeRequestParser parser = parser();

    static InvokeRequestParser parser() {
        var limits = new TextLimits(1000, 5, 4096);
        var conversations = new Conversations();
        conversations.limits = limits;
        var parser = new InvokeRequestParser();
        parser.defaultModel = "anthropic.claude-3-haiku-20240307-v1:0";
        parser.limits = limits;
        parser.conversations = conversations;
        return parser;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private GatewayException refusal(String body) {
        return catchThrowableOfType(GatewayException.class, () -> parser.parse(json(body), "r1"));
    }

    @Test
    void aPromptBecomesOneUserMessageForTheDefaultModel() {
        var request = parser.parse(json("{\"prompt\":\"Summarize the benefits of infrastructure as code.\"}"), "r1");

        assertThat(request.model()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(request.messages()).containsExactly(new ChatMessage(Role.USER, "Summarize the benefits of infrastructure as code."));
        assertThat(request.inference().isDefault()).isTrue();
    }

    @Test
    void readsEveryOptionalField() {
        var request = parser.parse(json("""
                {"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}],
                 "system":"Be brief","model":"us.anthropic.claude-3-5-sonnet-20240620-v1:0","max_tokens":200,
                 "temperature":0.2,"top_p":1,"stop":["END"],"metadata":{"team":"claims","ticket":"T-1"}}"""), "r1");

        assertThat(request.system()).contains("Be brief");
        assertThat(request.messages()).hasSize(3);
        assertThat(request.inference()).isEqualTo(new Inference(200, 0.2, 1.0, java.util.List.of("END")));
        assertThat(request.metadata()).containsEntry("team", "claims");
    }

    @Test
    void listsEveryBadFieldInOneProblem() {
        var e = refusal("{\"prompt\":\" \",\"max_tokens\":0,\"temperature\":1.5,\"colour\":\"blue\"}");

        assertThat(e.problem()).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("colour", "prompt", "max_tokens", "temperature");
    }

    @Test
    void refusesConversationsThatDoNotAlternate() {
        var e = refusal("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}");

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("messages[1].role");
    }

    @Test
    void refusesUnpairedSurrogatesThatCannotBeSentUpstream() {
        var e = refusal("{\"prompt\":\"abc\\ud800def\"}");

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("prompt");
    }

    @Test
    void neverEchoesThePromptInErrors() {
        var e = refusal("{\"prompt\":\"my card is 4111111111111111\",\"max_tokens\":\"lots\"}");

        assertThat(e.detail()).doesNotContain("4111");
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).doesNotContain("4111"));
    }

    @Test
    void listsAtMostTwentyBadFieldsAndCountsTheRest() {
        var body = new StringBuilder("{\"prompt\":\"a\"");
        for (int i = 0; i < 5000; i++) {
            body.append(",\"unknown").append(i).append("\":1");
        }

        var e = refusal(body.append('}').toString());

        assertThat(e.errors()).hasSize(io.auditgate.problem.Problem.MAX_ERRORS);
        assertThat(e.errorsOmitted()).isEqualTo(5000 - io.auditgate.problem.Problem.MAX_ERRORS);
        assertThat(e.detail()).endsWith("(and 4999 more)");
    }

    @Test
    void neverEchoesALongOrOddFieldName() {
        var e = refusal("{\"prompt\":\"a\",\"" + "k".repeat(5000) + "\":1,\"jane.doe@example.com\":1}");

        assertThat(e.errors()).extracting(FieldError::field).containsOnly("(unnamed)");
    }
}
