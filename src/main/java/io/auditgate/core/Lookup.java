package io.auditgate.core;

import io.auditgate.problem.Problem;
import io.auditgate.request.Ending;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core gives back for a request that calls no model ({@link Gateway#lookUp}): its {@link Ending}, whose
 * record is already durable, and either what the lookup found or the problem to answer with.
 *
 * @param <T> what the endpoint looked up (its answer's body)
 */
public record Lookup<T>(Ending ending, Optional<T> found, Optional<Problem> problem) {

    public Lookup {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(problem, "problem");
        if (found.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("a lookup is a finding or a problem");
        }
    }

    static <T> Lookup<T> of(Reply refused) {
        return new Lookup<>(refused.ending(), Optional.empty(), refused.problem());
    }
}
