package io.auditgate.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.audit.chain.DigestSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest-freshness gauge: how long ago this run stored a signed digest, growing while the store refuses. */
class DigestAgeTest {

    @TempDir
    Path tmp;

    private final MovableClock clock = new MovableClock(Fixtures.T0);

    @Test
    void theAgeCountsFromTheStartUntilTheFirstDigestAndFromEachStoredDigestAfter() throws IOException {
        var digester = digester(new LocalAuditStore(tmp.resolve("store"), Fixtures.audit()));

        clock.advance(Duration.ofMinutes(20));
        assertThat(digester.secondsSinceLastDigest()).isEqualTo(1200);

        digester.digest();
        clock.advance(Duration.ofSeconds(30));
        assertThat(digester.secondsSinceLastDigest()).isEqualTo(30);
    }

    @Test
    void aDigestTheStoreRefusedDoesNotResetTheAge() throws IOException {
        var store = new LocalAuditStore(tmp.resolve("store"), Fixtures.audit());
        var refusing = new SwitchableStore(store);
        var digester = digester(refusing);
        digester.digest();
        clock.advance(Duration.ofMinutes(15));

        refusing.down = true;
        assertThatThrownBy(digester::digest).isInstanceOf(IOException.class);
        clock.advance(Duration.ofMinutes(15));

        assertThat(digester.secondsSinceLastDigest()).isEqualTo(1800);
    }

    private Digester digester(AuditStore store) throws IOException {
        return new Digester(store, DigestSigner.generate(), Fixtures.audit(), tmp.resolve("digester.json"), clock);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
