package io.auditgate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsASaneClientRequestId() {
        assertThat(RequestIds.accept("abc-123_X.y:z")).isEqualTo("abc-123_X.y:z");
    }

    @Test
    void replacesAnUnsafeOrOverlongRequestIdWithAUuid() {
        assertThat(RequestIds.accept("a b")).hasSize(36).isNotEqualTo("a b");
        assertThat(RequestIds.accept("x".repeat(129))).hasSize(36);
        assertThat(RequestIds.accept("<script>")).hasSize(36);
        assertThat(RequestIds.accept(null)).hasSize(36);
    }
}
