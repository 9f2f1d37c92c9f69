package io.auditgate.core;

import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.problem.Problem;
import io.auditgate.request.Ending;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core gives back to the endpoint: the request's {@link Ending} (whose record is already made) and either
 * the screened answer to send or the problem to answer with. An endpoint adapter only maps it to its wire format.
 */
public record Reply(Ending ending, Optional<Problem> problem) {

    public Reply {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(problem, "problem");
        if (problem.isEmpty() && ending.answer().isEmpty()) {
            throw new IllegalArgumentException("a reply is an answer or a problem");
        }
    }

    /** The answer to send; present exactly when there is no problem. */
    public Optional<ScreenedAnswer> answer() {
        return problem.isPresent() ? Optional.empty() : ending.answer();
    }
}
