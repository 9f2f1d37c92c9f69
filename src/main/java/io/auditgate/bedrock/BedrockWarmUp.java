package io.auditgate.bedrock;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The SDK's first call in a JVM takes over a second (class loading, connection, signing). At start-up this
 * sends one Converse call for a model id that cannot exist, which Bedrock refuses without invoking any model,
 * so the first client request does not pay that cost. Off with {@code bedrock.warm-up=false}.
 */
@ApplicationScoped
public class BedrockWarmUp {

    private static final Logger LOG = Logger.getLogger(BedrockWarmUp.class.getName());

    @Inject
    BedrockClients clients;

    @Inject
    @ConfigProperty(name = "bedrock.warm-up", defaultValue = "true")
    boolean enabled;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (enabled) {
            executor.submit(this::warmUp);
        }
    }

    private void warmUp() {
        var started = System.nanoTime();
        try {
            clients.runtime().converse(ConverseRequest.builder()
                    .modelId("auditgate.warm-up-no-such-model")
                    .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("warm-up")).build())
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)))
                    .build());
        } catch (SdkException expected) {
            // refused as intended: the client is now loaded, connected and signing
        }
        LOG.info(() -> "Bedrock client warmed up in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
