package io.auditgate.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.Segment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier over a local directory: a clean trail passes, and each kind of tampering with records and segments is found and named. */
class VerifierTest {

    @TempDir
    Path dir;

    private final Trail trail = new Trail();

    private Trail.Run verify() throws IOException {
        return trail.verifyIn(dir);
    }

    /** A copy of a sealed record, unsealed, under a new record id. */
    private static JsonObject renamed(JsonObject sealed, String recordId) {
        return Json.createObjectBuilder(Trail.unsealed(sealed)).add("record_id", recordId).build();
    }

    private static JsonObject withResponse(JsonObject record, String text) {
        return Json.createObjectBuilder(record).add("response", Json.createObjectBuilder(record.getJsonObject("response"))
                .add("text", text)).build();
    }

    @Test
    void cleanTrailExitsZeroWithOnlyTheKeyItWasVerifiedWithAndTheSummary() throws IOException {
        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.lines()).containsExactly("key: " + trail.signer.fingerprint(),
                "verified: 3 digests, 3 segments (0 unsigned), 30 records, 0 findings");
    }

    @Test
    void aTrailNoDigestSignsYetSaysThatEverySegmentIsUnsigned() throws IOException {
        List.of(0, 1, 2).forEach(i -> trail.objects.remove(trail.digestKey(i)));

        var run = trail.verifyIn(dir, "--allow-open-chains");

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.summary()).isEqualTo("verified: 0 digests, 3 segments (3 unsigned), 30 records, 0 findings");
    }

    @Test
    void requireSignedMakesEachUnsignedSegmentAFinding() throws IOException {
        List.of(0, 1, 2).forEach(i -> trail.objects.remove(trail.digestKey(i)));

        var run = trail.verifyIn(dir, "--require-signed", "--allow-open-chains");

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactly("SEGMENT_UNSIGNED key=" + trail.segmentKey(0),
                "SEGMENT_UNSIGNED key=" + trail.segmentKey(1), "SEGMENT_UNSIGNED key=" + trail.segmentKey(2));
        assertThat(run.summary()).isEqualTo("verified: 0 digests, 3 segments (3 unsigned), 30 records, 3 findings");
    }

    @Test
    void requireSignedFindsNothingInATrailWhoseSegmentsAreAllListed() throws IOException {
        var run = trail.verifyIn(dir, "--require-signed");

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.summary()).isEqualTo("verified: 3 digests, 3 segments (0 unsigned), 30 records, 0 findings");
    }

    @Test
    void changingOneByteOfARecordIsARecordHashMismatch() throws IOException {
        var lines = trail.lines(1);
        lines.set(4, lines.get(4).replace("Answer 15", "Answer 16"));
        trail.replaceLines(1, lines);

        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).contains("RECORD_HASH_MISMATCH key=" + trail.segmentKey(1) + " line=5 seq=15")
                .anyMatch(l -> l.startsWith("SEGMENT_HASH_MISMATCH key=" + trail.segmentKey(1)));
    }

    @Test
    void deletingASegmentIsASegmentMissingAndASequenceGap() throws IOException {
        trail.objects.remove(trail.segmentKey(1));

        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactly(
                "SEGMENT_MISSING key=" + trail.segmentKey(1) + " digest=" + trail.digestKey(0),
                "SEQUENCE_GAP instance=i-0abc123 after=10 next=21");
    }

    @Test
    void reorderingTwoLinesIsARecordOutOfOrder() throws IOException {
        var lines = trail.lines(1);
        var third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        trail.replaceLines(1, lines);

        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).contains("RECORD_OUT_OF_ORDER key=" + trail.segmentKey(1) + " line=4 seq=13 previous=14")
                .anyMatch(l -> l.startsWith("SEGMENT_HASH_MISMATCH key=" + trail.segmentKey(1)));
    }

    @Test
    void truncatingTheCompressedObjectIsASegmentUnreadable() throws IOException {
        var stored = trail.objects.get(trail.segmentKey(2));
        trail.objects.put(trail.segmentKey(2), new Trail.StoredObject(
                Arrays.copyOf(stored.bytes(), stored.bytes().length / 2), stored.metadata()));

        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).anyMatch(l -> l.startsWith("SEGMENT_UNREADABLE key=" + trail.segmentKey(2)));
    }

    @Test
    void truncatingTheLastLinesIsAHashMismatchAndMissingRecords() throws IOException {
        trail.replaceLines(1, trail.lines(1).subList(0, 7));

        var run = verify();

        assertThat(run.findings()).anyMatch(l -> l.startsWith("SEGMENT_HASH_MISMATCH key=" + trail.segmentKey(1)))
                .contains("RECORD_MISSING key=" + trail.segmentKey(1) + " from=18 to=20",
                        "SEQUENCE_GAP instance=i-0abc123 after=17 next=21");
    }

    @Test
    void aForgedRecordWithARecomputedChainIsCaughtByTheSignedSegmentHash() throws IOException {
        var forged = new ArrayList<>(trail.records.subList(0, 14));
        var chain = RecordChain.resumeAfter(forged.get(13));
        forged.add(chain.seal(withResponse(Trail.unsealed(trail.records.get(14)), "Transfer approved")));
        trail.records.subList(14, 30).forEach(r -> forged.add(chain.seal(Trail.unsealed(r))));
        trail.objects.remove(trail.segmentKey(2));
        trail.put(Segment.of(forged.subList(10, 20)));
        trail.put(Segment.of(forged.subList(20, 31)));

        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).anyMatch(l -> l.startsWith("SEGMENT_HASH_MISMATCH key=" + trail.segmentKey(1)))
                .noneMatch(l -> l.startsWith("RECORD_HASH_MISMATCH") || l.startsWith("CHAIN_BROKEN"))
                .contains("SEGMENT_MISSING key=" + trail.segmentKey(2) + " digest=" + trail.digestKey(1));
    }

    @Test
    void aSelfConsistentReplacementSegmentIsCaughtOnlyByTheSignedDigest() throws IOException {
        var chain = RecordChain.resumeAfter(trail.records.get(19));
        var replaced = trail.records.subList(20, 30).stream()
                .map(r -> chain.seal(withResponse(Trail.unsealed(r), "nothing to see"))).toList();
        trail.put(Segment.of(replaced));

        var run = verify();

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).hasSize(1).first().asString()
                .startsWith("SEGMENT_HASH_MISMATCH key=" + trail.segmentKey(2) + " expected=");
    }

    @Test
    void resealingOneRecordBreaksTheChainAtTheNextOne() throws IOException {
        var chain = RecordChain.resumeAfter(trail.records.get(13));
        var lines = trail.lines(1);
        var resealed = chain.seal(withResponse(Trail.unsealed(trail.records.get(14)), "edited"));
        lines.set(4, io.auditgate.audit.chain.CanonicalJson.text(resealed));
        trail.replaceLines(1, lines);

        var run = verify();

        assertThat(run.findings()).contains("CHAIN_BROKEN instance=i-0abc123 key=" + trail.segmentKey(1)
                + " line=6 seq=16").noneMatch(l -> l.startsWith("RECORD_HASH_MISMATCH"));
    }

    @Test
    void recordsNeverShippedAreASequenceGap() throws IOException {
        var gappy = new Trail(11);
        var store = gappy.write(dir.resolve("gappy"));

        var run = Trail.verify("--dir", store.toString(), "--public-key", gappy.publicKey(dir).toString());

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactly("SEQUENCE_GAP instance=i-0abc123 after=10 next=12");
    }

    @Test
    void aCopiedSegmentIsADuplicateSequenceNotInAnyDigest() throws IOException {
        var copyKey = trail.segmentKey(1).replace("dt=2025-03-01/hr=09", "dt=2025-03-02/hr=00");
        trail.objects.put(copyKey, trail.objects.get(trail.segmentKey(1)));

        var run = verify();

        assertThat(run.findings()).contains("SEGMENT_NOT_IN_DIGEST key=" + copyKey)
                .anyMatch(l -> l.startsWith("DUPLICATE_SEQUENCE instance=i-0abc123 seq=11 "));
    }

    @Test
    void twoRecordsWithTheSameRecordIdAreADuplicateRecordId() throws IOException {
        var reused = new Trail(0, r -> "req-17".equals(r.getString("record_id"))
                ? Json.createObjectBuilder(r).add("record_id", "req-12").build() : r);
        var store = reused.write(dir.resolve("reused"));

        var run = Trail.verify("--dir", store.toString(), "--public-key", reused.publicKey(dir).toString());

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactly("DUPLICATE_RECORD_ID record_id=req-12 key=" + reused.segmentKey(1)
                + " line=2 seq=12 also=" + reused.segmentKey(1) + ":7");
    }

    @Test
    void segmentsNewerThanEveryDigestAreCheckedButNotFindings() throws IOException {
        var chain = RecordChain.resumeAfter(trail.records.get(29));
        var pending = List.of(chain.seal(renamed(trail.records.get(0), "req-31")),
                chain.seal(renamed(trail.records.get(1), "req-32")));
        trail.put(Segment.of(pending));

        var run = trail.verifyIn(dir, "--allow-open-chains"); // a restart after the clean end, not yet digested

        assertThat(run.exit()).isEqualTo(Verifier.CLEAN);
        assertThat(run.lines()).containsExactly(
                "OPEN_CHAIN instance=i-0abc123 last_seq=32 signed_through=30 digest=" + trail.digestKey(2)
                        + " digest_end=2025-03-01T10:30:00Z reopened_after=30",
                Report.PENDING.formatted(1),
                "key: " + trail.signer.fingerprint(),
                "verified: 3 digests, 4 segments (1 unsigned), 32 records, 0 findings");
    }

    @Test
    void editedMetadataIsASegmentMetadataMismatch() throws IOException {
        var stored = trail.objects.get(trail.segmentKey(0));
        var metadata = new java.util.HashMap<>(stored.metadata());
        metadata.put("record-count", "9");
        trail.objects.put(trail.segmentKey(0), new Trail.StoredObject(stored.bytes(), metadata));

        var run = verify();

        assertThat(run.findings()).containsExactly(
                "SEGMENT_METADATA_MISMATCH key=" + trail.segmentKey(0) + " field=record-count");
    }
}
