package io.auditgate.audit.store;

import static io.auditgate.audit.store.Fixtures.record;
import static io.auditgate.audit.store.Fixtures.requestPart;
import static io.auditgate.audit.store.Fixtures.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.audit.AuditRecords;
import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.Sha256;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.RequestIds;
import io.auditgate.request.Facts;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void appendCompletesWithTheSealedRecordOnlyOnceItIsDurable() throws Exception {
        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            journal.begin("req-1", requestPart("hello")).join();
            var sealed = journal.append(record(1)).join();

            assertThat(ChainLink.of(sealed)).satisfies(link -> {
                assertThat(link.instance()).isEqualTo(Fixtures.INSTANCE);
                assertThat(link.seq()).isEqualTo(1);
                assertThat(link.prevHash()).isEqualTo(Sha256.ZERO);
            });
            assertThat(journal.fsyncCount()).isGreaterThanOrEqualTo(1);
            assertThat(journal.lastSeq()).isEqualTo(1);
            assertThat(Fixtures.sealedSince(journal, 0, 100, 1 << 20)).containsExactly(sealed);
        }
    }

    @Test
    void aRecordLineIsTheCanonicalTextOfItsEntry() {
        var sealed = RecordChain.start(Fixtures.INSTANCE).append(record(1));
        var entry = Fixtures.JSON.createObjectBuilder().add("type", "record").add("record", sealed.json()).build();

        assertThat(new String(JournalEntry.record(sealed), StandardCharsets.UTF_8))
                .isEqualTo(CanonicalJson.text(entry) + "\n");
        // read back: the record's text is cut from its line, a begin is recognised without parsing it
        assertThat(JournalEntry.sealedRecord(JournalEntry.record(sealed)).canonical()).isEqualTo(sealed.canonical());
        assertThat(JournalEntry.sealedRecord(JournalEntry.begin("req-1", Fixtures.T0, requestPart("hello")))).isNull();
    }

    @Test
    void longAndNonAsciiLinesReadBackFromDiskExactlyAsWritten() throws Exception {
        var longText = "Grüße aus 東京 ✓ ".repeat(8_000); // about 170 KB of UTF-8: lines longer than one 64 KB read
        var appended = new ArrayList<JsonObject>();
        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            for (int i = 1; i <= 6; i++) {
                var text = i % 2 == 0 ? longText : "short " + i;
                journal.begin("req-" + i, requestPart(text)).join();
                appended.add(journal.append(Fixtures.JSON.createObjectBuilder(record(i)).add("note", text).build()).join());
            }
        }
        try (var reopened = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThat(Fixtures.sealedSince(reopened, 0, 100, Long.MAX_VALUE)).containsExactlyElementsOf(appended);
            assertThat(Fixtures.sealedSince(reopened, 2, 3, Long.MAX_VALUE)).containsExactlyElementsOf(appended.subList(2, 5));
            // continuing from where the previous read stopped, as the shipper does
            assertThat(Fixtures.sealedSince(reopened, 5, 100, Long.MAX_VALUE)).containsExactlyElementsOf(appended.subList(5, 6));
        }
    }

    @Test
    void recentRecordsComeFromMemoryExactlyAsTheDiskWouldGiveThem() throws Exception {
        var options = JournalOptions.defaults().withSegmentBytes(4_000); // several files
        var fromMemory = new ArrayList<List<JsonObject>>();
        int[][] asks = {{0, 100, 1 << 20}, {0, 7, 1 << 20}, {3, 5, 1 << 20}, {12, 100, 1 << 20}, {0, 100, 5_000},
                {29, 100, 1 << 20}, {30, 100, 1 << 20}};
        try (var journal = Fixtures.open(dir, options)) {
            for (int i = 1; i <= 30; i++) {
                journal.begin("req-" + i, requestPart("hello " + i)).join();
                journal.append(record(i)).join();
            }
            for (var ask : asks) {
                fromMemory.add(Fixtures.sealedSince(journal, ask[0], ask[1], ask[2]));
            }
            // consecutive calls continue where the previous one stopped, as the shipper does
            assertThat(Fixtures.sealedSince(journal, 7, 100, 1 << 20)).hasSize(23);
        }
        try (var reopened = Fixtures.open(dir, options)) {
            for (int i = 0; i < asks.length; i++) {
                var fromDisk = Fixtures.sealedSince(reopened, asks[i][0], asks[i][1], asks[i][2]);
                assertThat(fromMemory.get(i)).as("sealedSince%s", java.util.Arrays.toString(asks[i]))
                        .isEqualTo(fromDisk);
            }
            assertThat(fromMemory.get(0)).hasSize(30);
            assertThat(fromMemory.get(4)).hasSizeBetween(1, 29);
            assertThat(fromMemory.get(6)).isEmpty();
        }
    }

    @Test
    void concurrentAppendersShareOneFsyncPerBatch() throws Exception {
        int threads = 64;
        int perThread = 16;
        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            var pool = Executors.newFixedThreadPool(threads);
            var start = new CountDownLatch(1);
            var done = new ArrayList<CompletableFuture<Void>>();
            var records = new ArrayList<JsonObject>();
            for (int n = 0; n < threads * perThread; n++) {
                records.add(record(n));
            }
            for (int t = 0; t < threads; t++) {
                var mine = records.subList(t * perThread, (t + 1) * perThread);
                done.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(start);
                    for (var r : mine) { // like request threads: each waits for its record before the next
                        journal.append(r).join();
                    }
                }, pool));
            }
            long before = journal.fsyncCount();
            long began = System.nanoTime();
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            pool.shutdown();

            int appends = threads * perThread;
            long fsyncs = journal.fsyncCount() - before;
            System.out.printf("group commit: %d threads, %d appends, %d fsyncs, %.1f appends per fsync, %d ms%n",
                    threads, appends, fsyncs, (double) appends / fsyncs, millis);
            assertThat(fsyncs).isLessThan(appends / 4);
            var all = Fixtures.sealedSince(journal, 0, appends + 1, Long.MAX_VALUE);
            assertThat(all).hasSize(appends);
            Fixtures.assertChained(all, 1);
        }
    }

    @Test
    void aCrashLeavesATornLineThatReopeningTruncatesAndOpenBeginsBecomeInterruptedRecords() throws Exception {
        var crashed = Fixtures.open(dir, JournalOptions.defaults());
        for (int n = 1; n <= 3; n++) {
            crashed.append(record(n)).join();
        }
        crashed.begin("req-open", requestPart("never answered")).join();
        crashed.begin("req-4", requestPart("answered")).join();
        crashed.append(record(4)).join();
        crashed.halt();
        var file = journalFiles().get(0);
        Files.write(file, "{\"record\":{\"chain\":{\"seq\":5".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThat(Files.readString(file)).endsWith("}\n").doesNotContain("\"seq\":5\n");
            var interrupted = Fixtures.sealedSince(journal, 4, 10, 1 << 20);
            assertThat(interrupted).singleElement().satisfies(r -> {
                assertThat(r.getString("record_id")).isEqualTo("req-open");
                assertThat(r.getJsonObject("outcome").getBoolean("interrupted")).isTrue();
                assertThat(seq(r)).isEqualTo(5);
            });
            var next = journal.append(record(6)).join();
            assertThat(seq(next)).isEqualTo(6);
            Fixtures.assertChained(Fixtures.sealedSince(journal, 0, 100, 1 << 20), 1);
        }
        try (var again = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThat(again.lastSeq()).as("no second interrupted record").isEqualTo(6);
        }
    }

    @Test
    void aRefusalReusingAnInFlightRequestsClientIdCannotCloseItsBegin() throws Exception {
        var crashed = Fixtures.open(dir, JournalOptions.defaults());
        var inFlight = RequestIds.next();
        crashed.begin(inFlight, requestPart("reached the model")).join();
        // a 401 whose X-Request-Id was the in-flight request's id: the gateway names it anew
        var collider = new Facts(RequestIds.next(), Fixtures.T0, "127.0.0.1", Optional.empty(), Optional.of(inFlight),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                0, 0, 1, Optional.of(ProblemType.UNAUTHENTICATED));
        crashed.append(AuditRecords.refused(new AuditRecords.Gateway(Fixtures.INSTANCE, "0.1.0", "ab".repeat(32)),
                collider, 401, Optional.empty(), Fixtures.T0.plusMillis(1))).join();
        crashed.halt();

        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThat(Fixtures.sealedSince(journal, 1, 10, 1 << 20)).singleElement()
                    .satisfies(r -> assertThat(r.getString("record_id")).isEqualTo(inFlight))
                    .satisfies(r -> assertThat(r.getJsonObject("outcome").getBoolean("interrupted")).isTrue());
        }
    }

    @Test
    void aFailingDiskFailsEntriesClosedAndTheJournalRecoversWhenItWorksAgain() throws Exception {
        var disk = new FlakyDisk();
        try (var journal = Journal.open(dir, Fixtures.INSTANCE, Fixtures.fastProbe(), Fixtures::interrupted, disk)) {
            journal.append(record(1)).join();
            disk.failing = true;

            assertThatThrownBy(() -> journal.append(record(2)).join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(JournalUnavailableException.class).hasMessageContaining("No space left");
            assertThatThrownBy(() -> journal.begin("req-3", requestPart("x")).join())
                    .hasCauseInstanceOf(JournalUnavailableException.class);
            assertThat(journal.isWritable()).isFalse();

            disk.failing = false;
            Fixtures.await("journal writable again", journal::isWritable);
            var next = journal.append(record(3)).join();

            assertThat(seq(next)).as("the refused record took no seq").isEqualTo(2);
            Fixtures.assertChained(Fixtures.sealedSince(journal, 0, 10, 1 << 20), 1);
            assertThat(Files.readString(journalFiles().get(0)).lines()).hasSize(2);
        }
    }

    @Test
    void theUnshippedCapRefusesEntriesUntilShippingFreesSpace() throws Exception {
        try (var journal = Fixtures.open(dir, JournalOptions.defaults().withMaxUnshippedBytes(4000))) {
            JsonObject last = null;
            for (int n = 1; n <= 3; n++) { // a record line is about 1.6 kB: the third crosses the cap
                last = journal.append(record(n)).join();
            }

            assertThat(journal.isWritable()).isFalse();
            assertThatThrownBy(() -> journal.append(record(4)).join())
                    .hasCauseInstanceOf(JournalUnavailableException.class).hasMessageContaining("cap");

            journal.markShipped(ChainLink.of(last));

            assertThat(journal.isWritable()).isTrue();
            assertThat(seq(journal.append(record(4)).join())).isEqualTo(4);
        }
    }

    @Test
    void aRequestBegunBeforeTheCapGetsItsRecordWithItsTrueOutcomeAndNoInterruptedOneAfterARestart() throws Exception {
        var options = JournalOptions.defaults().withMaxUnshippedBytes(4000);
        try (var journal = Fixtures.open(dir, options)) {
            journal.begin("req-9", requestPart("the model is called after this")).join();
            for (int n = 1; n <= 3; n++) { // other requests fill the journal to its cap meanwhile
                journal.append(record(n)).join();
            }
            assertThat(journal.isWritable()).isFalse();
            assertThat(journal.begin("req-10", requestPart("x"))).as("a new request is refused before its model call")
                    .isCompletedExceptionally();
            assertThatThrownBy(() -> journal.append(record(4)).join())
                    .hasCauseInstanceOf(JournalUnavailableException.class).hasMessageContaining("cap");

            var answered = journal.append(record(9)).join();

            assertThat(seq(answered)).isEqualTo(4);
            assertThat(journal.isWritable()).as("the cap still refuses new requests").isFalse();
        }
        var interrupted = new ArrayList<JsonObject>();
        try (var restarted = Journal.open(dir, Fixtures.INSTANCE, options, begin -> {
            interrupted.add(begin);
            return Fixtures.interrupted(begin);
        })) {
            assertThat(interrupted).isEmpty();
            assertThat(Fixtures.sealedSince(restarted, 3, 10, 1 << 20)).singleElement().satisfies(r -> {
                assertThat(r.getString("record_id")).isEqualTo("req-9");
                assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(200);
            });
        }
    }

    @Test
    void aBegunRequestsLastRecordIsHeldWhileTheDiskFailsAndWrittenWithItsTrueOutcomeWhenItWorks() throws Exception {
        var disk = new FlakyDisk();
        try (var journal = Journal.open(dir, Fixtures.INSTANCE, Fixtures.fastProbe(), Fixtures::interrupted, disk)) {
            journal.begin("req-5", requestPart("answered, then the disk filled")).join();
            disk.failing = true;
            assertThatThrownBy(() -> journal.append(record(5)).join())
                    .hasCauseInstanceOf(JournalUnavailableException.class);
            var unrecordedRefusal = journal.appendLast(refused("req-6", 401));

            var held = journal.appendLast(refused("req-5", 503));

            assertThat(unrecordedRefusal).as("a request never begun is not held")
                    .failsWithin(java.time.Duration.ofSeconds(60));
            assertThat(held).isNotDone();
            disk.failing = false;
            var sealed = held.join();
            assertThat(seq(sealed)).isEqualTo(1);
            assertThat(sealed.getJsonObject("outcome").getInt("http_status")).isEqualTo(503);
        }
        try (var restarted = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThat(restarted.lastSeq()).as("no interrupted record was added").isEqualTo(1);
        }
    }

    @Test
    void aGracefulCloseWaitsForTheDiskToWriteAHeldRecord() throws Exception {
        var disk = new FlakyDisk();
        var journal = Journal.open(dir, Fixtures.INSTANCE, Fixtures.fastProbe(), Fixtures::interrupted, disk);
        journal.begin("req-7", requestPart("x")).join();
        disk.failing = true;
        var held = journal.appendLast(refused("req-7", 503));
        var closing = CompletableFuture.runAsync(() -> {
            try {
                journal.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Fixtures.await("the close is waiting", () -> !closing.isDone() && !held.isDone());

        disk.failing = false;
        closing.join();

        assertThat(held).isCompleted();
        try (var restarted = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThat(Fixtures.sealedSince(restarted, 0, 10, 1 << 20)).singleElement()
                    .satisfies(r -> assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(503));
        }
    }

    @Test
    void shippedRecordsAreNeitherReadAgainAfterARestartNorKeptOnDisk() throws Exception {
        var options = JournalOptions.defaults().withSegmentBytes(1024); // every batch rolls to a new file
        var sealed = new ArrayList<JsonObject>();
        try (var journal = Fixtures.open(dir, options)) {
            for (int n = 1; n <= 6; n++) {
                sealed.add(journal.append(record(n)).join());
            }
            journal.markShipped(ChainLink.of(sealed.get(3)));
            // files holding only shipped records (seq 1-4) are gone; whether the next, empty file was already
            // rolled depends on batching, so only the first sequence number of each remaining file is checked
            assertThat(journalFiles()).isNotEmpty().allSatisfy(file -> assertThat(Long.parseLong(
                    file.getFileName().toString().replaceAll("^.*-(\\d+)\\.log$", "$1"))).isGreaterThanOrEqualTo(5));
        }
        try (var journal = Fixtures.open(dir, options)) {
            assertThat(journal.shippedSeq()).isEqualTo(4);
            assertThat(Fixtures.sealedSince(journal, journal.shippedSeq(), 10, 1 << 20)).containsExactlyElementsOf(
                    sealed.subList(4, 6));
            journal.markShipped(ChainLink.of(sealed.get(5)));
        }
        try (var journal = Fixtures.open(dir, options)) {
            var next = journal.append(record(7)).join();
            assertThat(ChainLink.of(next).seq()).isEqualTo(7);
            assertThat(ChainLink.of(next).prevHash()).isEqualTo(ChainLink.of(sealed.get(5)).hash());
        }
    }

    @Test
    void aSecondJournalOnTheSameDirectoryIsRefused() throws Exception {
        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            assertThatThrownBy(() -> Fixtures.open(dir, JournalOptions.defaults())).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void aRecordThatIsAlreadySealedOrLacksItsReceivedTimeIsRefusedWithoutMovingTheChain() throws Exception {
        try (var journal = Fixtures.open(dir, JournalOptions.defaults())) {
            var sealed = journal.append(record(1)).join();
            var noTime = jakarta.json.Json.createObjectBuilder(record(2)).remove("times").build();

            assertThatThrownBy(() -> journal.append(sealed).join()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.append(noTime).join()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThat(seq(journal.append(record(3)).join())).isEqualTo(2);
        }
    }

    /** A refusal record of request {@code id} (the gateway makes these when an answer could not be recorded). */
    private static JsonObject refused(String id, int status) {
        return Fixtures.JSON.createObjectBuilder(record(0)).add("record_id", id)
                .add("outcome", Fixtures.JSON.createObjectBuilder().add("http_status", status)).build();
    }

    private List<Path> journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A disk that reports ENOSPC while {@code failing}. */
    static final class FlakyDisk implements JournalDisk {
        volatile boolean failing;

        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            if (failing) {
                channel.write(ByteBuffer.wrap("{\"partial".getBytes(StandardCharsets.UTF_8))); // a half-written batch
                throw new IOException("No space left on device");
            }
            JournalDisk.REAL.write(channel, bytes);
        }

        @Override
        public void force(FileChannel channel) throws IOException {
            JournalDisk.REAL.force(channel);
        }
    }
}
