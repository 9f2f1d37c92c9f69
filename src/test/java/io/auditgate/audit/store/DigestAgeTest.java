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
import java.util.List;
import java.util.Optional;
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
        var refusing = new RefusingStore(store);
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

    private static final class RefusingStore implements AuditStore {
        private final AuditStore store;
        volatile boolean down;

        RefusingStore(AuditStore store) {
            this.store = store;
        }

        @Override
        public Put put(AuditObject object) throws IOException {
            if (down) {
                throw new IOException("store down");
            }
            return store.put(object);
        }

        @Override
        public List<String> list(String keyPrefix) throws IOException {
            return store.list(keyPrefix);
        }

        @Override
        public Optional<byte[]> read(String key) throws IOException {
            return store.read(key);
        }

        @Override
        public String describe() {
            return "refusing " + store.describe();
        }
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
