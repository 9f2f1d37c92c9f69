package io.auditgate.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aFuturesFailureIsJudgedByWhatIsInsideItsWrappers() {
        var refusal = new GatewayException(ProblemType.RATE_LIMITED, "Too many requests in flight for this tenant.");
        var wrapped = new CompletionException(new CompletionException(refusal));

        assertThat(Problems.cause(wrapped)).isSameAs(refusal);
        assertThat(Problems.of(wrapped, "r-1").type()).isEqualTo(ProblemType.RATE_LIMITED);
        var failed = CompletableFuture.failedFuture(refusal).thenApply(x -> x);
        assertThat(failed.handle((v, failure) -> Problems.of(failure, "r-2").type()).join())
                .isEqualTo(ProblemType.RATE_LIMITED);
    }

    @Test
    void anythingElseIsAGeneric500WithoutItsMessage() {
        var bug = new CompletionException(new IllegalStateException("secret prompt text"));

        var problem = Problems.of(bug, "r-3");

        assertThat(problem.type()).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(problem.detail()).isEqualTo(Problems.INTERNAL_DETAIL).doesNotContain("secret");
        assertThat(Problems.cause(new CompletionException(null))).isInstanceOf(CompletionException.class);
    }
}
