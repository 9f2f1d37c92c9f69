package io.auditgate.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.DigestChain;
import io.auditgate.audit.chain.DigestSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier over a local directory: tampering with digests is found and named; windows and filters narrow the run. */
class DigestTamperingTest {

    @TempDir
    Path dir;

    private final Trail trail = new Trail();

    @Test
    void deletingADigestIsADigestMissingAndLeavesItsSegmentsUnlisted() throws IOException {
        trail.objects.remove(trail.digestKey(0));

        var run = trail.verifyIn(dir);

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactlyInAnyOrder("DIGEST_MISSING instance=i-0abc123 after=0 next=2",
                "SEGMENT_NOT_IN_DIGEST key=" + trail.segmentKey(0), "SEGMENT_NOT_IN_DIGEST key=" + trail.segmentKey(1));
    }

    @Test
    void deletingADigestInTheMiddleIsADigestMissing() throws IOException {
        trail.objects.remove(trail.digestKey(1));

        var run = trail.verifyIn(dir);

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactly("DIGEST_MISSING instance=i-0abc123 after=1 next=3");
        assertThat(run.lines()).contains(Report.PENDING.formatted(1)); // seq 21-30 above every listed seq
    }

    @Test
    void anEditedDigestFailsItsSignatureAndBreaksTheDigestChain() throws IOException {
        var original = new String(trail.objects.get(trail.digestKey(0)).bytes(), StandardCharsets.UTF_8);
        var edited = original.replace(trail.segments.get(1).sha256(), "0".repeat(64));
        trail.objects.put(trail.digestKey(0), new Trail.StoredObject(edited.getBytes(StandardCharsets.UTF_8),
                java.util.Map.of()));

        var run = trail.verifyIn(dir);

        assertThat(run.findings()).contains(
                "DIGEST_SIGNATURE_INVALID key=" + trail.digestKey(0) + " reason=\"signature does not verify\"",
                "DIGEST_CHAIN_BROKEN key=" + trail.digestKey(1)
                        + " reason=\"previous.sha256 does not match the previous digest\"");
    }

    @Test
    void digestsSignedWithAnotherKeyAreInvalid() throws IOException {
        var intruder = DigestChain.start(Trail.PREFIX, Trail.INSTANCE, DigestSigner.generate(), Trail.T0)
                .next(trail.digests.get(0).digest().end(), trail.digests.get(0).digest().segments());
        trail.objects.put(trail.digestKey(0), new Trail.StoredObject(intruder.bytes(), java.util.Map.of()));

        var run = trail.verifyIn(dir);

        assertThat(run.findings()).anyMatch(l -> l.startsWith("DIGEST_SIGNATURE_INVALID key=" + trail.digestKey(0)
                + " reason=\"signed by another key"));
    }

    @Test
    void aWindowVerifiesOnlyTheDigestsThatOverlapIt() throws IOException {
        var run = trail.verifyIn(dir, "--from", "2025-03-01T10:05:00Z", "--to", "2025-03-01T10:20:00Z");

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.summary()).isEqualTo("verified: 2 digests, 1 segments (0 unsigned), 10 records, 0 findings");
    }

    @Test
    void anInstanceFilterSkipsOtherInstances() throws IOException {
        var run = trail.verifyIn(dir, "--instance", "i-other");

        assertThat(run.summary()).isEqualTo("verified: 0 digests, 0 segments (0 unsigned), 0 records, 0 findings");
    }
}
