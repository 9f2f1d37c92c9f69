package io.auditgate.simulator;

import java.io.IOException;

/** Answers Converse with one JSON document and ConverseStream with the same answer as a stream of events. */
final class ConverseCalls {

    static final String STREAM_ERROR_MESSAGE = "The model stream was interrupted. Try your request again.";

    private ConverseCalls() {
    }

    static void converse(Call call) throws IOException {
        Prompt prompt = ConverseRequests.parse(call.body(), call.model());
        Completion completion = Composer.compose(call.model(), prompt);
        Replies.json(call.exchange(), 200, Json.bytes(ConverseJson.response(completion, prompt, call.elapsedMs())));
    }

    static void converseStream(Call call) throws IOException {
        Prompt prompt = ConverseRequests.parse(call.body(), call.model());
        Completion completion = Composer.compose(call.model(), prompt);
        var deltas = completion.deltas();
        try (var stream = EventStream.open(call.exchange(), call.tokenDelayMs())) {
            stream.event("messageStart", ConverseJson.messageStart());
            int sent = call.streamError() ? Call.deltasBeforeError(deltas.size()) : deltas.size();
            for (int i = 0; i < sent; i++) {
                if (i > 0) {
                    stream.pause();
                }
                stream.event("contentBlockDelta", ConverseJson.delta(deltas.get(i)));
            }
            if (call.streamError()) {
                stream.exception("modelStreamErrorException", ConverseJson.streamError(STREAM_ERROR_MESSAGE));
                return;
            }
            stream.event("contentBlockStop", ConverseJson.blockStop());
            stream.event("messageStop", ConverseJson.messageStop(completion));
            stream.event("metadata", ConverseJson.metadata(completion, prompt, call.elapsedMs()));
        }
    }
}
