package io.auditgate.audit.store;

import static io.auditgate.audit.store.Fixtures.record;
import static io.auditgate.audit.store.Fixtures.requestPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.SignedDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop ends the chain: the journal stops taking requests (those already begun may still record), the
 * shipper ships everything and signs a digest marked as the chain's clean end, and the verifier accepts the chain
 * without being told the instance runs. A stop that cannot ship leaves the chain open.
 */
class GracefulStopTest {

    @TempDir
    Path tmp;

    private final DigestSigner signer = DigestSigner.generate();
    private SwitchableStore store;
    private LocalAuditStore local;
    private Journal journal;
    private Shipper shipper;

    @BeforeEach
    void open() throws IOException {
        local = new LocalAuditStore(tmp.resolve("store"), Fixtures.audit());
        store = new SwitchableStore(local);
        journal = Fixtures.open(tmp.resolve("journal"), JournalOptions.defaults());
        var digester = new Digester(store, signer, Fixtures.audit(), tmp.resolve("journal/digester.json"),
                Clock.systemUTC());
        shipper = new Shipper(journal, store, digester, Fixtures.audit(), Fixtures.shipping(5));
    }

    @AfterEach
    void close() throws IOException {
        shipper.close();
        journal.close();
    }

    @Test
    void aGracefulStopShipsEverythingAndSignsACleanEndTheVerifierAcceptsAsIs() throws Exception {
        for (int n = 1; n <= 12; n++) {
            journal.append(record(n)).join();
        }

        assertThat(journal.finish(Duration.ofSeconds(1))).isZero();
        assertThat(shipper.end()).isEqualTo(12);

        var newest = newestDigest();
        assertThat(newest.digest().chainEnd().lastSeq()).isEqualTo(12);
        assertThat(newest.digest().segments()).extracting(e -> e.lastSeq()).containsExactly(5L, 10L, 12L);
        var run = verify();
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verified: 1 digests, 3 segments (0 unsigned), 12 records, 0 findings");
    }

    @Test
    void finishingRefusesNewRequestsAndLetsOnesAlreadyBegunRecord() throws Exception {
        journal.begin("req-1", requestPart("at the model")).join();
        var finishing = CompletableFuture.supplyAsync(() -> journal.finish(Duration.ofSeconds(30)));
        Fixtures.await("the journal refuses new requests", () -> !journal.isWritable());

        assertThat(journal.begin("req-2", requestPart("too late"))).isCompletedExceptionally();
        journal.append(record(1)).join();

        assertThat(finishing.join()).as("begun requests left without a record").isZero();
        assertThatThrownBy(() -> journal.append(record(3)).join()).hasCauseInstanceOf(JournalUnavailableException.class);
        assertThat(shipper.end()).isEqualTo(1);
    }

    @Test
    void aBegunRequestThatDoesNotRecordWithinTheGraceIsCounted() {
        journal.begin("req-1", requestPart("never answered")).join();

        assertThat(journal.finish(Duration.ofMillis(50))).isEqualTo(1);
    }

    @Test
    void aStopWhileTheStoreIsDownSignsNoCleanEndAndTheChainStaysOpen() throws Exception {
        for (int n = 1; n <= 3; n++) {
            journal.append(record(n)).join();
        }
        shipper.drain(); // a digest, as on the cadence
        journal.append(record(4)).join();
        store.down = true;
        journal.finish(Duration.ofSeconds(1));

        assertThatThrownBy(shipper::end).isInstanceOf(IOException.class);

        assertThat(newestDigest().digest().endsChain()).isFalse();
        var run = verify();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^UNTERMINATED_CHAIN instance=i-0test01 last_seq=3 signed_through=3 ");
    }

    private SignedDigest newestDigest() throws IOException {
        var key = local.list(Fixtures.PREFIX + "/digests/").stream().max(String::compareTo).orElseThrow();
        return SignedDigest.read(key, local.read(key).orElseThrow());
    }

    private Fixtures.Run verify() throws IOException {
        var key = Files.writeString(tmp.resolve("digest-public.pem"), signer.publicKeyPem());
        return Fixtures.verify("--dir", tmp.resolve("store").toString(), "--public-key", key.toString());
    }
}
