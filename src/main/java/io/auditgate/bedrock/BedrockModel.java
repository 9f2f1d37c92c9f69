package io.auditgate.bedrock;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.Problems;
import io.auditgate.request.ModelCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code complete}: one screened prompt in, one completion out, from the first model of its route that answers
 * ({@link Fallbacks} says when the next is tried), within {@code bedrock.timeout} for all attempts of all models
 * together, each attempt recorded in the request's {@link ModelCalls}. The completion names the model that answered.
 * Fails with the last model's {@link GatewayException}, whose type says what went wrong upstream.
 */
@ApplicationScoped
public class BedrockModel {

    @Inject
    UpstreamCalls upstream;

    @Inject
    @ConfigProperty(name = "bedrock.timeout", defaultValue = "PT30S")
    Duration timeout;

    /** The completion of the prompt's own model, without fallbacks. */
    public CompletableFuture<Completion> complete(ScreenedPrompt prompt, ModelCalls calls) {
        return complete(prompt, List.of(prompt.model()), calls);
    }

    /**
     * The completion of the first model of {@code route} (the prompt's model, then its fallbacks) that answers, or a
     * {@link GatewayException} saying what went wrong upstream with the last one tried.
     */
    public CompletableFuture<Completion> complete(ScreenedPrompt prompt, List<String> route, ModelCalls calls) {
        return complete(prompt, route, 0, Deadline.in(timeout), calls);
    }

    private CompletableFuture<Completion> complete(ScreenedPrompt prompt, List<String> route, int index,
                                                   Deadline deadline, ModelCalls calls) {
        var model = route.get(index);
        return upstream.converse(Converse.request(prompt, model), deadline, calls)
                .thenApply(response -> Converse.completion(prompt, model, response))
                .exceptionallyCompose(failure -> {
                    var cause = Problems.cause(failure);
                    if (index + 1 < route.size() && cause instanceof GatewayException e
                            && Fallbacks.worthTrying(e, deadline)) {
                        return complete(prompt, route, index + 1, deadline, calls);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }
}
