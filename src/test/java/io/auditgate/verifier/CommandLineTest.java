package io.auditgate.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @Test
    void helpPrintsUsageAndExitsZero() {
        var run = Trail.verify("--help");

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.lines().get(0)).startsWith("usage: java -jar auditgate-verifier.jar");
    }

    @Test
    void missingPublicKeyIsAUsageError() {
        var run = Trail.verify("--dir", ".");

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("--public-key is required");
    }

    @Test
    void bothDirAndBucketIsAUsageError() {
        var run = Trail.verify("--dir", ".", "--bucket", "b", "--public-key", "k.pem");

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("exactly one of --dir or --bucket");
    }

    @Test
    void aBadInstantIsAUsageError() {
        var run = Trail.verify("--dir", ".", "--public-key", "k.pem", "--from", "yesterday");

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("--from is not an ISO-8601 instant");
    }

    @Test
    void aKeyOtherThanTheRequiredFingerprintIsRefusedBeforeAnythingIsVerified(@TempDir Path dir) throws IOException {
        var trail = new Trail();

        var run = trail.verifyIn(dir, "--key-fingerprint", "SHA-256:" + "ab".repeat(32));

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.lines()).isEmpty();
        assertThat(run.err()).contains("fingerprint is " + trail.signer.fingerprint())
                .contains("not the SHA-256:" + "ab".repeat(32));
    }

    @Test
    void theRequiredFingerprintMatchesInEitherCaseWithOrWithoutItsPrefix(@TempDir Path dir) throws IOException {
        var trail = new Trail();

        var bare = trail.verifyIn(dir.resolve("bare"), "--key-fingerprint",
                trail.signer.publicKeySha256().toUpperCase(java.util.Locale.ROOT));
        var prefixed = trail.verifyIn(dir.resolve("prefixed"), "--key-fingerprint", trail.signer.fingerprint());

        assertThat(bare.exit()).as(bare.err()).isEqualTo(Verifier.CLEAN);
        assertThat(prefixed.exit()).as(prefixed.err()).isEqualTo(Verifier.CLEAN);
        assertThat(prefixed.lines()).contains("key: " + trail.signer.fingerprint());
    }

    @Test
    void aMalformedFingerprintIsAUsageError() {
        var run = Trail.verify("--dir", ".", "--public-key", "k.pem", "--key-fingerprint", "SHA-256:abc");

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("--key-fingerprint is not SHA-256:<64 hex digits>");
    }

    @Test
    void aMissingDirectoryIsAnIoError(@TempDir Path dir) throws IOException {
        var key = new Trail().publicKey(dir);

        var run = Trail.verify("--dir", dir.resolve("nope").toString(), "--public-key", key.toString());

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("nope");
    }

    @Test
    void aMissingKeyFileIsAnIoError(@TempDir Path dir) {
        var run = Trail.verify("--dir", dir.toString(), "--public-key", dir.resolve("absent.pem").toString());

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("absent.pem");
    }
}
