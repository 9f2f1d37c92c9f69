package io.auditgate.simulator;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Base64;

/**
 * Answers InvokeModel and InvokeModelWithResponseStream for Anthropic models with Anthropic Messages documents,
 * the way Bedrock passes them through: token counts in headers, or base64 chunks with invocation metrics.
 */
final class InvokeCalls {

    private InvokeCalls() {
    }

    static void invoke(Call call) throws IOException {
        Prompt prompt = AnthropicRequests.parse(call.body(), requireAnthropic(call.model()));
        Completion completion = Composer.compose(call.model(), prompt, call.script());
        var headers = call.exchange().getResponseHeaders();
        headers.set("x-amzn-bedrock-input-token-count", Integer.toString(completion.inputTokens()));
        headers.set("x-amzn-bedrock-output-token-count", Integer.toString(completion.outputTokens()));
        headers.set("x-amzn-bedrock-invocation-latency", Long.toString(call.elapsedMs()));
        Replies.json(call.exchange(), 200, Json.bytes(AnthropicJson.message(messageId(), call.model(), completion)));
    }

    static void invokeStream(Call call) throws IOException {
        Prompt prompt = AnthropicRequests.parse(call.body(), requireAnthropic(call.model()));
        Completion completion = Composer.compose(call.model(), prompt, call.script());
        var deltas = call.script().textChunking().split(completion.text());
        call.exchange().getResponseHeaders().set("X-Amzn-Bedrock-Content-Type", Replies.JSON);
        try (var stream = EventStream.open(call.exchange())) {
            var pacer = new StreamPacer(call, stream, deltas.size());
            long firstByteMs = call.elapsedMs();
            chunk(stream, AnthropicJson.messageStart(messageId(), call.model(), completion));
            chunk(stream, AnthropicJson.blockStart());
            for (String delta : deltas) {
                if (!pacer.next()) {
                    return;
                }
                chunk(stream, AnthropicJson.delta(delta));
            }
            if (!pacer.finish()) {
                return;
            }
            chunk(stream, AnthropicJson.blockStop());
            chunk(stream, AnthropicJson.messageDelta(completion));
            chunk(stream, AnthropicJson.messageStop(completion, call.elapsedMs(), firstByteMs));
        }
    }

    private static Model requireAnthropic(Model model) {
        if (!model.isAnthropic()) {
            throw PromptRules.invalid("The simulator answers InvokeModel for anthropic.* models only (Anthropic "
                    + "Messages API); use Converse for " + model.requestedId() + ".");
        }
        return model;
    }

    private static void chunk(EventStream stream, JsonObject event) throws IOException {
        String bytes = Base64.getEncoder().encodeToString(Json.bytes(event));
        stream.event("chunk", Json.object().add("bytes", bytes).build());
    }

    private static String messageId() {
        return "msg_bdrk_" + Replies.requestId().replace("-", "").substring(0, 24);
    }
}
