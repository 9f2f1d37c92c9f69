package io.auditgate.bedrock;

import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.problem.GatewayException;

/**
 * What a streamed model answer tells its listener, in order: text deltas as the model writes them and tool calls as it
 * finishes them, then exactly one
 * of {@link #completed} and {@link #failed}. Calls come on the SDK's threads, one at a time; a listener must not
 * block them.
 */
public interface StreamListener {

    /**
     * The model whose answer follows: the requested one, or a fallback of its route. Told once, before the first delta
     * or tool call (an answer without either names its model in {@link #completed}).
     */
    default void answering(String model) {
    }

    /** The next piece of the answer's text, raw: the caller screens it before anyone sees it. */
    void delta(String text);

    /**
     * A tool call the model finished (its block stopped), its input complete, raw: the caller screens it before anyone
     * sees it. Comes after the text deltas that preceded it.
     */
    void toolCall(ToolCall call);

    /**
     * The stream ended with its closing events ({@code messageStop} and {@code metadata}): the stop reason, usage and
     * guardrail trace, with an empty text (the text came as deltas).
     */
    void completed(Completion end);

    /**
     * The stream failed: an upstream error before or during it, the whole-stream deadline or the idle gap passed, or
     * it ended without its closing events (a dropped connection ends that way, with no error from the SDK): never a
     * finished answer.
     */
    void failed(GatewayException failure);
}
