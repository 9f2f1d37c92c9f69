package io.auditgate.errorpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurfaceTest {

    @ParameterizedTest
    @CsvSource({
            "/v1, '', OPENAI",
            "/v1/, '', OPENAI",
            "/v1/no-such-thing, '', OPENAI",
            "/v1/chat/completions, '', OPENAI",
            "/gw/v1/models, /gw, OPENAI",
            "/v10/models, '', INVOKE",
            "/v1x, '', INVOKE",
            "/invoke, '', INVOKE",
            "/invoke/v1/x, '', INVOKE",
            "/WEB-INF/web.xml, '', INVOKE"})
    void aPathUnderV1GetsOpenAisErrorShapeAndEveryOtherPathAProblem(String uri, String context, Surface expected) {
        assertThat(Surface.of(uri, context)).isEqualTo(expected);
    }

    @Test
    void withoutItsOriginalPathARequestGetsAProblem() {
        assertThat(Surface.of(null, "")).isEqualTo(Surface.INVOKE);
    }
}
