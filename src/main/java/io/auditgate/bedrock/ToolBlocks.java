package io.auditgate.bedrock;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

/**
 * The tool calls of one ConverseStream answer as they arrive: a {@code contentBlockStart} with {@code toolUse} (id,
 * name) opens one, {@code contentBlockDelta}s with {@code toolUse.input} add fragments of its JSON, and its
 * {@code contentBlockStop} passes it on whole. Other events are not its business. Fed from the SDK's event thread only.
 */
final class ToolBlocks {

    /** Where a tool call goes once its block stopped: its id, name and input as the raw JSON the model wrote. */
    interface Calls {
        void toolCall(String id, String name, String json);
    }

    private record Pending(String id, String name, StringBuilder json) {
    }

    private final Calls calls;
    private final Map<Integer, Pending> pending = new HashMap<>();

    ToolBlocks(Calls calls) {
        this.calls = calls;
    }

    void accept(ConverseStreamOutput event) {
        switch (event) {
            case ContentBlockStartEvent start when start.start() != null && start.start().toolUse() != null ->
                    pending.put(start.contentBlockIndex(), new Pending(start.start().toolUse().toolUseId(),
                            start.start().toolUse().name(), new StringBuilder()));
            case ContentBlockDeltaEvent input when input.delta() != null && input.delta().toolUse() != null
                    && pending.containsKey(input.contentBlockIndex()) ->
                    pending.get(input.contentBlockIndex()).json()
                            .append(Objects.toString(input.delta().toolUse().input(), ""));
            case ContentBlockStopEvent stop when pending.containsKey(stop.contentBlockIndex()) -> {
                var call = pending.remove(stop.contentBlockIndex());
                calls.toolCall(call.id(), call.name(), call.json().toString());
            }
            default -> {
            }
        }
    }
}
