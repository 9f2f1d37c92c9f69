package io.auditgate.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void everyRequestGetsANewUuidWhateverTheClientSent() {
        assertThat(IntStream.range(0, 100).mapToObj(i -> RequestIds.next()).distinct())
                .hasSize(100).allSatisfy(id -> assertThat(id).hasSize(36));
    }

    @Test
    void echoesASaneClientRequestId() {
        assertThat(RequestIds.echo("abc-123_X.y:z")).contains("abc-123_X.y:z");
    }

    @Test
    void echoesNoUnsafeOrOverlongClientRequestId() {
        assertThat(RequestIds.echo("a b")).isEmpty();
        assertThat(RequestIds.echo("x".repeat(129))).isEmpty();
        assertThat(RequestIds.echo("<script>")).isEmpty();
        assertThat(RequestIds.echo(null)).isEmpty();
    }
}
