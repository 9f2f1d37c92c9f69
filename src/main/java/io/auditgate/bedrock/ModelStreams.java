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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streamed answers (ConverseStream) on the same asynchronous client as {@link BedrockModel}: the model's circuit
 * breaker admits the call, the listener gets each delta as it arrives, and the stream ends in exactly one of
 * completed or failed. Never retried: a stream's text may already have reached the client, and the SDK's own
 * retries (off) would send the whole stream again (docs/simulator.md). The whole stream has {@code bedrock.timeout};
 * a gap of {@code bedrock.stream-idle-timeout} between two events fails it as a timeout; either cancels the upstream
 * call.
 */
@ApplicationScoped
public class ModelStreams {

    @Inject
    BedrockClients clients;

    @Inject
    ModelBreakers breakers;

    @Inject
    @ConfigProperty(name = "bedrock.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "bedrock.stream-idle-timeout", defaultValue = "PT10S")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "bedrock.retry-after", defaultValue = "PT2S")
    Duration retryAfter;

    private ScheduledExecutorService timers;

    @PostConstruct
    void start() {
        timers = Executors.newSingleThreadScheduledExecutor(Worker.STREAM_TIMERS.factory(""));
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
        var call = new StreamCall(prompt, listener, calls, timers, timeout, idleTimeout, retryAfter);
        try {
            call.start(clients.runtime(), breakers.admit(prompt.model()));
        } catch (GatewayException e) {
            call.fail(e);
        } catch (RuntimeException e) {
            call.fail(new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer."));
        }
        return call;
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
