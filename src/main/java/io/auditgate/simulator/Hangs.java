package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Requests that are never answered. A hung exchange holds no thread: it is parked and its connection closed
 * after ten minutes, or when the simulator stops. The JDK server cannot tell when a silent client goes away,
 * so the socket stays open until then.
 */
final class Hangs implements AutoCloseable {

    static final long HOLD_MINUTES = 10;

    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "bedrock-simulator-hangs");
        thread.setDaemon(true);
        return thread;
    });

    void park(HttpExchange exchange) {
        closer.schedule(exchange::close, HOLD_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        closer.shutdownNow();
    }
}
