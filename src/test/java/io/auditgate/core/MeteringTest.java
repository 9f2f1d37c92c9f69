package io.auditgate.core;

import static io.auditgate.conversation.ToolConversations.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolConversations;
import io.auditgate.conversation.ToolResult;
import io.auditgate.conversation.ToolSpec;
import io.auditgate.conversation.Tools;
import io.auditgate.quota.Pricing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The input estimate counts the request's pieces without concatenating them, and gives what the concatenation did. */
class MeteringTest {

    @Test
    void estimateOfAFullRequestEqualsTheEstimateOfItsTextConcatenated() {
        var call = new ToolCall("tooluse_1", "get_weather", json("{\"city\":\"Zürich\",\"days\":[1,2]}"));
        var messages = List.of(new ChatMessage(Role.USER, "Wie ist das Wetter in Zürich? 天気は? 😀"),
                new ChatMessage(Role.ASSISTANT, "Ich frage das Werkzeug.", List.of(call), List.of()),
                new ChatMessage(Role.USER, "", List.of(), List.of(new ToolResult("tooluse_1", "12 °C, bewölkt", false),
                        new ToolResult("tooluse_1", "Реген", true))),
                new ChatMessage(Role.ASSISTANT, "Es ist bewölkt."),
                new ChatMessage(Role.USER, "Danke! 🙏"));
        var tools = new Tools(List.of(ToolConversations.weather("Das Wetter einer Stadt 🌦"),
                new ToolSpec("convert", "°C → °F", json("{\"type\":\"object\"}"))), Tools.Choice.AUTO, Optional.empty());
        var request = request(Optional.of("Du bist ein hilfreicher Assistent. ✓"), messages, tools);

        assertThat(Metering.inputTokens(request)).isEqualTo(concatenatedEstimate(request)).isGreaterThan(50);
    }

    @Test
    void estimateOfARequestWithoutSystemOrToolsEqualsTheConcatenatedEstimate() {
        var request = request(Optional.empty(), List.of(new ChatMessage(Role.USER, "a")), Tools.NONE);

        assertThat(Metering.inputTokens(request)).isEqualTo(concatenatedEstimate(request)).isEqualTo(1);
    }

    @Test
    void aSurrogatePairSplitBetweenSystemAndMessageCountsAsOneCharacterAsConcatenatedItDid() {
        var request = request(Optional.of("ab\uD83D"), List.of(new ChatMessage(Role.USER, "\uDE00")), Tools.NONE);

        assertThat(Metering.inputTokens(request)).isEqualTo(concatenatedEstimate(request)).isEqualTo(2);
    }

    private static ChatRequest request(Optional<String> system, List<ChatMessage> messages, Tools tools) {
        return new ChatRequest("r-metering", ToolConversations.HAIKU, system, messages,
                new Inference(null, null, null, List.of()), Map.of(), false, List.of(), tools);
    }

    /** The computation before the estimate was counted piece by piece: the oracle. */
    private static long concatenatedEstimate(ChatRequest request) {
        var text = new StringBuilder(request.system().orElse(""));
        for (ChatMessage message : request.messages()) {
            text.append(message.content());
            message.toolResults().forEach(r -> text.append(r.content()));
            message.toolCalls().forEach(c -> text.append(c.input().toString()));
        }
        request.tools().specs().forEach(spec -> text.append(spec.name()).append(spec.description())
                .append(spec.inputSchema().toString()));
        return Pricing.estimatedTokens(text);
    }
}
