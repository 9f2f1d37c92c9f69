package io.auditgate.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Writes one response body without blocking (Servlet non-blocking I/O): the container calls back when the connection
 * can take bytes, and the request completes once they are all handed over. A slow client therefore holds a buffer,
 * never a thread.
 */
public final class AsyncWrite implements WriteListener {

    private static final Logger LOG = Logger.getLogger(AsyncWrite.class.getName());

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final byte[] body;
    private boolean written;

    private AsyncWrite(AsyncContext async, ServletOutputStream out, byte[] body) {
        this.async = async;
        this.out = out;
        this.body = body;
    }

    /** Writes {@code body} as the response (status and headers already set) and completes {@code async}. */
    public static void start(AsyncContext async, byte[] body) {
        try {
            var out = async.getResponse().getOutputStream();
            out.setWriteListener(new AsyncWrite(async, out, body));
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Response could not be written (" + e.getClass().getSimpleName() + ")");
            async.complete();
        }
    }

    @Override
    public void onWritePossible() throws IOException {
        if (!written) {
            written = true;
            out.write(body);
        }
        if (out.isReady()) { // everything handed over; otherwise the container calls again once it is
            async.complete();
        }
    }

    @Override
    public void onError(Throwable failure) {
        // the client went away: nothing to tell it, and its record and log line are already made
        LOG.fine(() -> "Response not delivered (" + failure.getClass().getSimpleName() + ")");
        async.complete();
    }
}
