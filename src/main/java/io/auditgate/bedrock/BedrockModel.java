package io.auditgate.bedrock;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.request.ModelCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code complete}: one screened prompt in, one completion out, within {@code bedrock.timeout} for all
 * attempts together, each attempt counted in the request's {@link ModelCalls}. Fails with a {@link GatewayException} whose type says what went wrong upstream.
 */
@ApplicationScoped
public class BedrockModel {

    @Inject
    UpstreamCalls upstream;

    @Inject
    @ConfigProperty(name = "bedrock.timeout", defaultValue = "PT30S")
    Duration timeout;

    /** The completion, or a {@link io.auditgate.problem.GatewayException} saying what went wrong upstream. */
    public CompletableFuture<Completion> complete(ScreenedPrompt prompt, ModelCalls calls) {
        return upstream.converse(Converse.request(prompt), Deadline.in(timeout), calls)
                .thenApply(response -> Converse.completion(prompt, response));
    }
}
