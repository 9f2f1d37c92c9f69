package io.auditgate.errorpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.ProblemType;
import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

    @Test
    void whatTheContainerAnswersByItselfMapsToAProblemType() {
        assertThat(ErrorPageServlet.typeOf(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ErrorPageServlet.typeOf(405)).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ErrorPageServlet.typeOf(400)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ErrorPageServlet.typeOf(414)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ErrorPageServlet.typeOf(503)).isEqualTo(ProblemType.STARTING);
        assertThat(ErrorPageServlet.typeOf(500)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }
}
