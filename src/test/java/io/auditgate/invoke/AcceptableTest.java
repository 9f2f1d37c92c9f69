package io.auditgate.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptableTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"application/json", "*/*", "application/*", "text/html, application/json",
            "text/html;q=0.9, */*;q=0.1", "APPLICATION/JSON; charset=utf-8", "application/json;q=0.5",
            "application/json, text/plain;q=0"})
    void acceptsRangesThatAllowJson(String accept) {
        assertThat(Acceptable.json(accept)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/*", "application/xml", "application/json;q=0", "*/*;q=0",
            "application/json;q=0, */*", "application/*;q=0, */*;q=1", "application/json;q=abc", "application/json;q=2",
            "json", ";q=1"})
    void refusesRangesThatExcludeJson(String accept) {
        assertThat(Acceptable.json(accept)).isFalse();
    }
}
