package io.auditgate.auth;

import io.auditgate.tenant.Sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyCommandTest {

    private static final Pattern KEY = Pattern.compile("ag_([0-9a-f]{8})_[A-Za-z0-9_-]{43}");
    private static final Pattern ENTRY = Pattern.compile("\\{\"key_id\":\"([0-9a-f]{8})\",\"sha256\":\"([0-9a-f]{64})\"(,\"expires\":\"([^\"]+)\")?}");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KeyCommand.run(args, new SecureRandom(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAKeyAndThePolicyEntryWithItsHash() {
        assertThat(run("--tenant", "acme")).isZero();

        var key = KEY.matcher(printed());
        var entry = ENTRY.matcher(printed());
        assertThat(key.find()).isTrue();
        assertThat(entry.find()).isTrue();
        assertThat(entry.group(1)).isEqualTo(key.group(1));
        assertThat(entry.group(2)).isEqualTo(Sha256.hex(key.group()));
        assertThat(entry.group(3)).isNull();
    }

    @Test
    void anExpiryGoesIntoTheEntry() {
        assertThat(run("--tenant", "acme", "--expires", "2026-06-30T00:00:00Z")).isZero();

        var entry = ENTRY.matcher(printed());
        assertThat(entry.find()).isTrue();
        assertThat(entry.group(4)).isEqualTo("2026-06-30T00:00:00Z");
    }

    @Test
    void aMissingTenantIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
        assertThat(printed()).isEmpty();
    }

    @Test
    void anUnknownOptionOrDanglingValueIsAUsageError() {
        assertThat(run("--tenant", "acme", "--bogus", "x")).isEqualTo(2);
        assertThat(run("--tenant")).isEqualTo(2);
    }

    @Test
    void aBadTenantIdIsOneLineSayingWhatATenantIdIsWithExitStatus2() {
        for (var bad : new String[] {"Not A Tenant", "ACME", "-acme", "", "a".repeat(64), "acme_bank", "acmé"}) {
            err.reset();

            assertThat(run("--tenant", bad)).as(bad).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(bad).isEqualTo(KeyCommand.BAD_TENANT + System.lineSeparator())
                    .contains("tenant id").doesNotContain("Exception");
        }
        assertThat(printed()).isEmpty();
    }

    @Test
    void anExpiryThatIsNotAnInstantIsAUsageError() {
        assertThat(run("--tenant", "acme", "--expires", "tomorrow")).isEqualTo(2);
        assertThat(printed()).isEmpty();
    }

    @Test
    void generatedKeysHaveTheDocumentedShapeAndDoNotRepeat() {
        var seen = new HashSet<String>();
        var random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            var key = NewApiKey.generate(random);
            assertThat(key.plaintext()).matches(KEY);
            assertThat(PresentedKey.keyId(key.plaintext())).contains(key.keyId());
            seen.add(key.plaintext());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aNewKeyNeverPrintsItsSecret() {
        var key = NewApiKey.generate(new SecureRandom());

        assertThat(key.toString()).doesNotContain(key.plaintext());
    }
}
