package io.auditgate.bedrock;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.ModelCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

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

    public Completion complete(ScreenedPrompt prompt, ModelCalls calls) {
        try {
            var response = upstream.converse(Converse.request(prompt), Deadline.in(timeout), calls);
            return Converse.completion(prompt, response);
        } catch (BulkheadException e) {
            throw new GatewayException(ProblemType.OVERLOADED,
                    "Too many requests are waiting for models right now; retry shortly.", List.of(), Duration.ofSeconds(1));
        }
    }
}
