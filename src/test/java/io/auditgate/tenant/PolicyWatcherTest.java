package io.auditgate.tenant;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.policy;
import static io.auditgate.tenant.PolicyJson.tenant;
import static io.auditgate.tenant.PolicyJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyWatcherTest {

    @TempDir
    Path dir;

    private static boolean waitFor(PolicyHolder holder, int version) throws InterruptedException {
        for (long deadline = System.nanoTime() + 3_000_000_000L; System.nanoTime() < deadline; ) {
            if (holder.policy().version() == version) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void picksUpAChangeWithinAFewIntervals() throws Exception {
        var file = write(dir.resolve("tenants.json"), policy(1, tenant("acme", "", HAIKU)));
        var holder = new PolicyHolder(file);

        try (var watcher = new PolicyWatcher(holder, Duration.ofMillis(20))) {
            watcher.start();
            write(file, policy(2, tenant("acme", "", HAIKU)));

            assertThat(waitFor(holder, 2)).isTrue();
        }
    }

    @Test
    void checksOnADaemonThreadThatStopsOnStop() throws Exception {
        var holder = new PolicyHolder(write(dir.resolve("tenants.json"), policy(1)));
        var watcher = new PolicyWatcher(holder, Duration.ofMillis(10));
        watcher.start();
        Thread.sleep(50);

        var thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("auditgate-policy-watcher") && t.isAlive()).findFirst();
        assertThat(thread).hasValueSatisfying(t -> assertThat(t.isDaemon()).isTrue());

        watcher.stop();
        thread.get().join(2000);
        assertThat(thread.get().isAlive()).isFalse();
    }

    @Test
    void refusesANonPositiveInterval() {
        var holder = new PolicyHolder(write(dir.resolve("tenants.json"), policy(1)));

        assertThatThrownBy(() -> new PolicyWatcher(holder, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
