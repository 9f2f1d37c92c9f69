package io.auditgate.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A server-sent event stream ({@code text/event-stream}) written without blocking: each event is queued and handed to
 * the connection whenever it can take bytes ({@link WriteListener}), so a slow client holds a queue, never a thread.
 * The endpoint formats its events; this class only orders, writes and ends them. A failed write means the client went
 * away: the queue is dropped, the request completed, and the {@link #onClientGone} action run once.
 */
public final class EventStream implements WriteListener {

    public static final String MEDIA_TYPE = "text/event-stream";
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private ServletOutputStream out;
    private Runnable clientGone = () -> { };
    private boolean opened;
    private boolean closing;
    private boolean done;

    public EventStream(AsyncContext async) {
        this.async = async;
    }

    /** The response, for the endpoint's own headers before {@link #open}. */
    public HttpServletResponse response() {
        return (HttpServletResponse) async.getResponse();
    }

    /** Whether the stream began: then its events are the whole response. */
    public synchronized boolean isOpened() {
        return opened;
    }

    /** Answers 200 as an event stream (no caching, no proxy buffering) and starts with {@code first}. */
    public synchronized void open(byte[] first) {
        var response = response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        opened = true;
        queue.add(first);
        try {
            out = response.getOutputStream();
            out.setWriteListener(this);
        } catch (IOException | RuntimeException e) {
            gone();
        }
    }

    public synchronized void send(byte[] event) {
        if (done) {
            return;
        }
        queue.add(event);
        if (out != null) {
            drain();
        }
    }

    /** An SSE comment: keeps idle timers of proxies and clients from firing. */
    public synchronized void heartbeat() {
        send(HEARTBEAT);
    }

    /** The last events: once they are handed over, the response ends. */
    public synchronized void close(byte[]... last) {
        if (done) {
            return;
        }
        queue.addAll(List.of(last)); // all queued before the drain that may end the response
        closing = true;
        if (out != null) {
            drain();
        }
    }

    public synchronized void onClientGone(Runnable action) {
        this.clientGone = action;
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    @Override
    public synchronized void onError(Throwable failure) {
        gone();
    }

    /** Hands queued events over while the connection takes them; ends the response after the last one. */
    private void drain() {
        try {
            while (!done && out.isReady()) {
                var next = queue.poll();
                if (next == null) {
                    out.flush();
                    if (closing && out.isReady()) {
                        done = true;
                        async.complete();
                    }
                    return;
                }
                out.write(next);
            }
        } catch (IOException | RuntimeException e) {
            gone();
        }
    }

    private void gone() {
        if (!done) {
            done = true;
            queue.clear();
            var action = clientGone;
            async.complete();
            action.run();
        }
    }
}
