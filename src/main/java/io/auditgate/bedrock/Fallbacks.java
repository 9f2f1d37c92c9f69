package io.auditgate.bedrock;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;

/**
 * When a request moves on to the next model of its route: after its model failed in a way another model may not
 * (throttling, a quota, 5xx, a timeout of the model, a connection failure, an open circuit breaker), once that model's
 * retries are spent, and only while the request's one deadline has time left and nothing of the answer has reached
 * the client. Never for what the request itself caused ({@code model-rejected-input}) or blocked content: another
 * model would be asked the same.
 */
final class Fallbacks {

    private Fallbacks() {
    }

    static boolean worthTrying(GatewayException failure, Deadline deadline) {
        if (deadline.expired()) {
            return false;
        }
        return failure instanceof TransientUpstreamException
                || failure.problem() == ProblemType.CIRCUIT_OPEN
                || failure.problem() == ProblemType.THROTTLED;
    }
}
