package io.auditgate.simulator;

import java.io.IOException;
import java.util.List;

/**
 * Answers Converse with one JSON document and ConverseStream with the same answer as a stream of events: a text
 * block (deltas cut by the call's chunking), then a tool-use block when the answer calls a tool (contentBlockStart,
 * input fragments, contentBlockStop), then messageStop and metadata.
 */
final class ConverseCalls {

    static final String STREAM_ERROR_MESSAGE = "The model stream was interrupted. Try your request again.";

    private ConverseCalls() {
    }

    static void converse(Call call) throws IOException {
        Prompt prompt = ConverseRequests.parse(call.body(), call.model());
        Completion completion = Composer.compose(call.model(), prompt, call.script());
        Replies.json(call.exchange(), 200, Json.bytes(ConverseJson.response(completion, prompt, call.elapsedMs())));
    }

    static void converseStream(Call call) throws IOException {
        Prompt prompt = ConverseRequests.parse(call.body(), call.model());
        Completion completion = Composer.compose(call.model(), prompt, call.script());
        boolean textBlock = !completion.text().isEmpty() || completion.toolUse().isEmpty();
        List<String> deltas = textBlock ? call.script().textChunking().split(completion.text()) : List.of();
        List<String> fragments = completion.toolUse()
                .map(use -> call.script().toolChunking().split(use.inputJson())).orElse(List.of());
        try (var stream = EventStream.open(call.exchange())) {
            var pacer = new StreamPacer(call, stream, deltas.size() + fragments.size());
            stream.event("messageStart", ConverseJson.messageStart());
            if (!textDeltas(stream, pacer, deltas)) {
                return;
            }
            if (textBlock) {
                stream.event("contentBlockStop", ConverseJson.blockStop(0));
            }
            if (completion.toolUse().isPresent()
                    && !toolBlock(stream, pacer, textBlock ? 1 : 0, completion.toolUse().get(), fragments)) {
                return;
            }
            if (!pacer.finish()) {
                return;
            }
            stream.event("messageStop", ConverseJson.messageStop(completion));
            stream.event("metadata", ConverseJson.metadata(completion, prompt, call.elapsedMs()));
        }
    }

    private static boolean textDeltas(EventStream stream, StreamPacer pacer, List<String> deltas) throws IOException {
        for (String delta : deltas) {
            if (!pacer.next()) {
                return false;
            }
            stream.event("contentBlockDelta", ConverseJson.delta(0, delta));
        }
        return true;
    }

    private static boolean toolBlock(EventStream stream, StreamPacer pacer, int index, ToolUse use,
                                     List<String> fragments) throws IOException {
        stream.event("contentBlockStart", ConverseJson.toolStart(index, use));
        for (String fragment : fragments) {
            if (!pacer.next()) {
                return false;
            }
            stream.event("contentBlockDelta", ConverseJson.toolDelta(index, fragment));
        }
        stream.event("contentBlockStop", ConverseJson.blockStop(index));
        return true;
    }
}
