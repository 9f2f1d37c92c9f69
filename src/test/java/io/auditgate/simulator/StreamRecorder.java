package io.auditgate.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/** Runs one ConverseStream call through the real async SDK and keeps every typed event it delivered, in order. */
final class StreamRecorder {

    final List<String> events = new ArrayList<>();
    final List<String> textDeltas = new ArrayList<>();
    final List<String> toolFragments = new ArrayList<>();
    final List<Long> deltaNanos = new ArrayList<>();
    final List<ContentBlockStartEvent> starts = new ArrayList<>();
    final List<Integer> deltaIndexes = new ArrayList<>();
    StopReason stopReason;
    ConverseStreamMetadataEvent metadata;
    /** The call's outcome: completed, or failed with what the SDK raised. */
    CompletableFuture<Void> call;

    static StreamRecorder run(BedrockRuntimeAsyncClient bedrock, ConverseStreamRequest request) {
        var recorder = new StreamRecorder();
        var visitor = ConverseStreamResponseHandler.Visitor.builder()
                .onMessageStart(e -> recorder.events.add("messageStart"))
                .onContentBlockStart(e -> {
                    recorder.events.add("contentBlockStart");
                    recorder.starts.add(e);
                })
                .onContentBlockDelta(e -> {
                    recorder.events.add("contentBlockDelta");
                    recorder.deltaNanos.add(System.nanoTime());
                    recorder.deltaIndexes.add(e.contentBlockIndex());
                    if (e.delta().toolUse() != null) {
                        recorder.toolFragments.add(e.delta().toolUse().input());
                    } else {
                        recorder.textDeltas.add(e.delta().text());
                    }
                })
                .onContentBlockStop(e -> recorder.events.add("contentBlockStop"))
                .onMessageStop(e -> {
                    recorder.events.add("messageStop");
                    recorder.stopReason = e.stopReason();
                })
                .onMetadata(e -> {
                    recorder.events.add("metadata");
                    recorder.metadata = e;
                })
                .onDefault(e -> recorder.events.add("unexpected " + e.sdkEventType()))
                .build();
        recorder.call = bedrock.converseStream(request,
                ConverseStreamResponseHandler.builder().subscriber(visitor).build());
        return recorder;
    }

    /** Waits for the call to complete normally. */
    StreamRecorder finished() throws Exception {
        call.get(20, TimeUnit.SECONDS);
        return this;
    }

    String text() {
        return String.join("", textDeltas);
    }

    String toolInput() {
        return String.join("", toolFragments);
    }

    /** The longest time between two consecutive deltas, in milliseconds. */
    long largestGapMs() {
        long largest = 0;
        for (int i = 1; i < deltaNanos.size(); i++) {
            largest = Math.max(largest, deltaNanos.get(i) - deltaNanos.get(i - 1));
        }
        return TimeUnit.NANOSECONDS.toMillis(largest);
    }
}
