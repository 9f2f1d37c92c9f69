package io.auditgate.bedrock;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The SDK's first call in a JVM takes over a second (class loading, connection, signing). At start-up this
 * sends one Converse call for a model id that cannot exist, which Bedrock refuses without invoking any model,
 * so the first client request does not pay that cost. Off with {@code bedrock.warm-up=false}.
 *
 * <p>It is also {@code /health/ready}'s Bedrock check: DOWN until the warm-up has finished, so no client request
 * initialises the SDK's classes concurrently with it, and DOWN for good (and {@code /health/live} too, see
 * {@link BedrockLiveness}) if the SDK could not initialise: a class whose static initialiser failed stays unusable
 * for the JVM's life, every call would fail, and only a new instance helps. The warm-up call has no call timeout:
 * the SDK enforces one by interrupting the calling thread, which must not happen to a thread loading classes.
 * The connect timeout and the socket timeout still bound it.
 */
@Readiness
@ApplicationScoped
public class BedrockWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BedrockWarmUp.class.getName());

    /** Where the warm-up is. */
    enum State { PENDING, DONE, BROKEN }

    @Inject
    BedrockClients clients;

    @Inject
    @ConfigProperty(name = "bedrock.warm-up", defaultValue = "true")
    boolean enabled;

    @Resource
    ManagedExecutorService executor;

    private volatile State state = State.PENDING;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (enabled) {
            executor.submit(() -> state = warmUp(this::refusedCall));
        } else {
            state = State.DONE;
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bedrock-client").status(state == State.DONE)
                .withData("warm-up", state.name().toLowerCase(java.util.Locale.ROOT)).build();
    }

    State state() {
        return state;
    }

    /** Runs {@code call}; refused (any SdkException) is the intended outcome, a LinkageError breaks the client. */
    static State warmUp(Runnable call) {
        var started = System.nanoTime();
        try {
            call.run();
        } catch (SdkException expected) {
            // refused as intended: the client is now loaded, connected and signing
        } catch (LinkageError e) {
            // the warm-up's own call carries no client content, so the whole throwable may be logged
            LOG.log(Level.SEVERE, "Bedrock client cannot initialise; this instance will answer no model call and"
                    + " reports not live", e);
            return State.BROKEN;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bedrock client warm-up failed unexpectedly", e);
            return State.DONE;
        }
        LOG.info(() -> "Bedrock client warmed up in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return State.DONE;
    }

    private void refusedCall() {
        try {
            clients.runtime().converse(ConverseRequest.builder()
                    .modelId("auditgate.warm-up-no-such-model")
                    .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("warm-up")).build())
                    .build()).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
