package io.auditgate.bedrock;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.process.Worker;
import io.auditgate.request.ModelCalls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streamed answers (ConverseStream) on the same asynchronous client as {@link BedrockModel}: each attempt passes the
 * model's circuit breaker, the listener gets each delta as it arrives, and the stream ends in exactly one of
 * completed or failed. Retried like a single call ({@link UpstreamCalls}'s policy, {@code bedrock.retry.*}) only
 * while no delta has reached the listener: after that a new attempt would repeat text the client has seen (and the
 * SDK's own retries, off, would send the whole stream again: docs/simulator.md). The whole stream, attempts and retry
 * delays together, has {@code bedrock.timeout}; a gap of {@code bedrock.stream-idle-timeout} between two events fails
 * it as a timeout; either cancels the upstream call. One sweep every 100 ms checks both for every live stream, rather
 * than a timer task per stream (at 2,000 streams that would be 20,000 tasks a second).
 */
@ApplicationScoped
public class ModelStreams {

    private static final Logger LOG = Logger.getLogger(ModelStreams.class.getName());
    private static final long SWEEP_MILLIS = 100;

    @Inject
    BedrockClients clients;

    @Inject
    ModelBreakers breakers;

    @Inject
    UpstreamCalls upstream;

    @Inject
    @ConfigProperty(name = "bedrock.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "bedrock.stream-idle-timeout", defaultValue = "PT10S")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "bedrock.retry-after", defaultValue = "PT2S")
    Duration retryAfter;

    private final Set<StreamCall> live = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timers;

    @PostConstruct
    void start() {
        timers = Executors.newSingleThreadScheduledExecutor(Worker.STREAM_TIMERS.factory(""));
        timers.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    /**
     * Starts the stream; the listener hears how it goes. The returned call cancels it (a client that went away):
     * then the listener hears nothing more.
     */
    public Cancellable stream(ScreenedPrompt prompt, ModelCalls calls, StreamListener listener) {
        return stream(prompt, List.of(prompt.model()), calls, listener);
    }

    /**
     * As {@link #stream(ScreenedPrompt, ModelCalls, StreamListener)}, from the first model of {@code route} (the
     * prompt's model, then its fallbacks) that answers; a fallback is tried only before the first delta.
     */
    public Cancellable stream(ScreenedPrompt prompt, List<String> route, ModelCalls calls, StreamListener listener) {
        var call = new StreamCall(prompt, route, listener, calls, Deadline.in(timeout), idleTimeout, retryAfter, live::remove);
        live.add(call);
        try {
            call.start(upstream, breakers, clients.runtime());
        } catch (RuntimeException e) {
            call.fail(new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer."));
        }
        return call;
    }

    /** Streams in progress (for tests: each leaves when it ends). */
    int live() {
        return live.size();
    }

    /** Ends every live stream past its deadline or idle gap; one failing stream does not stop the sweep. */
    private void sweep() {
        var now = System.nanoTime();
        for (var call : live) {
            try {
                call.watch(now);
            } catch (RuntimeException e) {
                LOG.warning(() -> "A stream's deadline check failed: " + e.getClass().getName());
            }
        }
    }

    /** A stream in progress, as its caller may stop it. */
    public interface Cancellable {
        /** Stops the stream: the upstream call is cancelled and the listener hears no more. */
        void cancel();
    }

    /** The closing events' facts as a {@link Completion} without text. */
    static Completion end(String model, String stopReason, Completion.Usage usage,
                          java.util.Optional<Completion.GuardrailTrace> trace) {
        return new Completion(model, "", stopReason, usage, trace);
    }
}
