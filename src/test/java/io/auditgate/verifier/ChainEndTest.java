package io.auditgate.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost tail is detectable: a chain whose newest digest is not a clean end is {@code UNTERMINATED_CHAIN} with its last
 * known seq, unless the auditor names the instance as running; a clean end the store contradicts is a finding.
 */
class ChainEndTest {

    @TempDir
    Path dir;

    private static String unterminated(Trail trail, String digestEnd) {
        return "instance=i-0abc123 last_seq=30 signed_through=30 digest=" + trail.digestKey(2) + " digest_end=" + digestEnd;
    }

    @Test
    void aChainWhoseNewestDigestIsNoCleanEndIsUnterminatedWithItsLastSeq() throws IOException {
        var open = Trail.open();

        var run = open.verifyIn(dir);

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactly("UNTERMINATED_CHAIN " + unterminated(open, "2025-03-01T10:30:00Z"));
    }

    @Test
    void aCleanlyEndedChainHasNoFinding() throws IOException {
        var run = new Trail().verifyIn(dir);

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.findings()).isEmpty();
        assertThat(run.openChains()).isEmpty();
    }

    @Test
    void deletingTheCleanEndDigestLeavesTheChainUnterminated() throws IOException {
        var trail = new Trail();
        trail.objects.remove(trail.digestKey(2));

        var run = trail.verifyIn(dir);

        assertThat(run.findings()).containsExactly("UNTERMINATED_CHAIN instance=i-0abc123 last_seq=30 signed_through=30 "
                + "digest=" + trail.digestKey(1) + " digest_end=2025-03-01T10:15:00Z");
    }

    @Test
    void deletingTheTailAndItsCleanEndIsStillSeenAsAnUnterminatedChain() throws IOException {
        var trail = new Trail();
        trail.objects.remove(trail.digestKey(2));
        trail.objects.remove(trail.digestKey(1));
        trail.objects.remove(trail.segmentKey(2));

        var run = trail.verifyIn(dir);

        assertThat(run.findings()).containsExactly("UNTERMINATED_CHAIN instance=i-0abc123 last_seq=20 signed_through=20 "
                + "digest=" + trail.digestKey(0) + " digest_end=2025-03-01T10:00:30Z");
    }

    @Test
    void aRunningInstanceNamedByTheAuditorIsAnOpenChainNotAFinding() throws IOException {
        var open = Trail.open();

        var run = open.verifyIn(dir, "--running", "i-0abc123,i-0def456");

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.openChains()).containsExactly("OPEN_CHAIN " + unterminated(open, "2025-03-01T10:30:00Z"));
        assertThat(run.summary()).endsWith(" 0 findings");
    }

    @Test
    void runningNamesOnlyTheInstancesGiven() throws IOException {
        var run = Trail.open().verifyIn(dir, "--running", "i-0def456");

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).singleElement().asString().startsWith("UNTERMINATED_CHAIN instance=i-0abc123 ");
    }

    @Test
    void allowOpenChainsListsEveryOpenChainWithoutAFinding() throws IOException {
        var run = Trail.open().verifyIn(dir, "--allow-open-chains");

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.openChains()).hasSize(1);
    }

    @Test
    void anInstanceKilledBeforeItsFirstDigestIsUnterminatedWithoutADigest() throws IOException {
        var trail = Trail.open();
        for (int i = 0; i < 3; i++) {
            trail.objects.remove(trail.digestKey(i));
        }

        var run = trail.verifyIn(dir);

        assertThat(run.findings()).containsExactly(
                "UNTERMINATED_CHAIN instance=i-0abc123 last_seq=30 signed_through=0 digest=none");
    }

    @Test
    void aCleanEndNamingRecordsTheStoreLacksIsAChainEndMismatch() throws IOException {
        var trail = new Trail();
        trail.objects.remove(trail.segmentKey(2));

        var run = trail.verifyIn(dir);

        assertThat(run.findings()).contains("CHAIN_END_MISMATCH instance=i-0abc123 last_seq=30 stored=20 digest="
                + trail.digestKey(2));
    }

    @Test
    void aWindowThatEndsBeforeTheNewestDigestSaysNothingAboutTheChainsEnd() throws IOException {
        var run = Trail.open().verifyIn(dir, "--to", "2025-03-01T10:05:00Z");

        assertThat(run.findings()).noneMatch(l -> l.startsWith("UNTERMINATED_CHAIN"));
    }

    @Test
    void aRunningListOfNonInstanceIdsIsABadCommandLine() throws IOException {
        var run = Trail.open().verifyIn(dir, "--running", "i-1,../etc");

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
    }
}
