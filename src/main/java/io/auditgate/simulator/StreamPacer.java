package io.auditgate.simulator;

import java.io.IOException;
import java.util.Optional;

/**
 * Paces the deltas of one stream (the gap between two deltas) and plays its mid-stream fault once the planned
 * number of deltas is out: an in-stream exception event, a dropped connection, or a long idle gap. A stream with
 * fewer deltas than planned meets its fault just before its closing events, so a broken stream never completes.
 */
final class StreamPacer {

    private final EventStream stream;
    private final Optional<Injection> fault;
    private final int faultAt;
    private final long gapMs;
    private int sent;
    private boolean played;

    StreamPacer(Call call, EventStream stream, int totalDeltas) {
        this.stream = stream;
        this.fault = call.fault().filter(injection -> injection.fault().midStream());
        this.faultAt = fault.map(injection -> injection.afterDeltas().orElse(Math.min(3, totalDeltas / 2)))
                .orElse(-1);
        this.gapMs = call.script().delayMs();
    }

    /** Call before each delta; false when the stream has broken off and nothing more may be written. */
    boolean next() throws IOException {
        if (sent > 0) {
            stream.pause(gapMs);
        }
        if (sent == faultAt && !play()) {
            return false;
        }
        sent++;
        return true;
    }

    /** Call before the closing events; false when the stream has broken off instead. */
    boolean finish() throws IOException {
        return play();
    }

    private boolean play() throws IOException {
        if (played || fault.isEmpty()) {
            return true;
        }
        played = true;
        Injection injection = fault.get();
        switch (injection.fault()) {
            case STREAM_STALL -> stream.pause(injection.delayMs());
            case STREAM_DROP -> throw stream.drop();
            case STREAM_THROTTLE -> {
                stream.exception("throttlingException",
                        Json.object().add("message", injection.fault().message()).build());
                return false;
            }
            default -> {
                stream.exception("modelStreamErrorException",
                        ConverseJson.streamError(ConverseCalls.STREAM_ERROR_MESSAGE));
                return false;
            }
        }
        return true;
    }
}
