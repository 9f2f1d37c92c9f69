package io.auditgate.bedrock;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.time.Duration;
import java.util.List;

/** An upstream failure worth another attempt (throttling, 5xx, timeouts, connection failures). */
public class TransientUpstreamException extends GatewayException {
    TransientUpstreamException(ProblemType problem, String detail, Duration retryAfter) {
        super(problem, detail, List.of(), retryAfter);
    }
}
