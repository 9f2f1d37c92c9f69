package io.auditgate.tenant;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static io.auditgate.tenant.PolicyJson.key;
import static io.auditgate.tenant.PolicyJson.policy;
import static io.auditgate.tenant.PolicyJson.tenant;
import static io.auditgate.tenant.PolicyJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.auth.ApiKeys;
import io.auditgate.auth.NewApiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyHolderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final NewApiKey firstKey = NewApiKey.generate(new SecureRandom());
    private final NewApiKey secondKey = NewApiKey.generate(new SecureRandom());

    @TempDir
    Path dir;
    private Path file;
    private PolicyHolder holder;

    @BeforeEach
    void startWithVersionOne() {
        file = write(dir.resolve("tenants.json"), policy(1, tenant("acme", key(firstKey), HAIKU)));
        holder = new PolicyHolder(file);
    }

    @Test
    void aValidChangeIsPickedUp() {
        write(file, policy(2, tenant("acme", key(firstKey) + "," + key(secondKey), HAIKU, SONNET)));

        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.policy().version()).isEqualTo(2);
        assertThat(holder.policy().tenant("acme").orElseThrow().allowedModels()).contains(SONNET);
        assertThat(new ApiKeys(holder.policy()).authenticate(secondKey.plaintext(), NOW)).isPresent();
    }

    @Test
    void anUnchangedFileIsNotReloaded() {
        var before = holder.policy();

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.policy()).isSameAs(before);
    }

    @Test
    void aChangeThatKeepsSizeAndTimestampIsStillPickedUp() throws Exception {
        var modified = Files.getLastModifiedTime(file);
        write(file, policy(1, tenant("acme", key(firstKey), HAIKU)).replace("1000", "2000"));
        Files.setLastModifiedTime(file, modified);

        assertThat(holder.reloadIfChanged()).isTrue();
    }

    @Test
    void anInvalidChangeIsRejectedAndTheOldVersionKept() {
        var before = holder.policy();
        write(file, policy(2, tenant("acme", key(firstKey)), tenant("acme", key(secondKey))));

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.policy()).isSameAs(before);
        assertThat(new ApiKeys(holder.policy()).authenticate(firstKey.plaintext(), NOW)).isPresent();
    }

    @Test
    void aDeletedFileKeepsTheOldVersion() throws Exception {
        var before = holder.policy();
        Files.delete(file);

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.policy()).isSameAs(before);
    }

    @Test
    void aFixAfterAnInvalidChangeIsPickedUp() {
        write(file, "{ not json");
        holder.reloadIfChanged();
        write(file, policy(3, tenant("acme", key(secondKey), HAIKU)));

        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.policy().version()).isEqualTo(3);
        assertThat(new ApiKeys(holder.policy()).authenticate(firstKey.plaintext(), NOW)).isEmpty();
    }

    @Test
    void anInvalidFileAtStartUpStopsTheStartUp() {
        var broken = write(dir.resolve("broken.json"), policy(1, "{}"));

        assertThatThrownBy(() -> new PolicyHolder(broken)).isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith(broken + ": $.tenants[0]: ");
    }
}
