package io.auditgate.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestChainTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final DigestSigner signer = DigestSigner.generate();
    private final DigestVerifier verifier = DigestVerifier.fromPem(signer.publicKeyPem());

    private static DigestEntry entry(long first, long last) {
        var chain = RecordChain.resume("i-1", first - 1, first == 1 ? Sha256.ZERO : "cd".repeat(32));
        var records = new java.util.ArrayList<jakarta.json.JsonObject>();
        for (long s = first; s <= last; s++) {
            records.add(chain.seal(SampleRecords.served((int) s, T0.plusSeconds(s))));
        }
        return Segment.of(records).entry("audit");
    }

    @Test
    void firstDigestHasNoPreviousAndASignatureThatVerifies() {
        var digest = DigestChain.start("audit", "i-1", signer, T0).next(T0.plusSeconds(900), List.of(entry(1, 3)));

        assertThat(digest.digest().previous()).isNull();
        assertThat(digest.digest().digestSeq()).isEqualTo(1);
        assertThat(digest.key()).isEqualTo("audit/digests/dt=2025-03-01/i-1-20250301T101500Z-00000001.json");
        assertThat(verifier.check(digest.digest())).isEmpty();
        assertThat(digest.digest().publicKeySha256()).isEqualTo(Sha256.hex(signer.publicKeyDer()));
    }

    @Test
    void nextDigestLinksTheKeyHashAndSignatureOfThePreviousOne() {
        var chain = DigestChain.start("audit", "i-1", signer, T0);
        var first = chain.next(T0.plusSeconds(900), List.of(entry(1, 3)));
        var second = chain.next(T0.plusSeconds(1800), List.of());

        var link = second.digest().previous();
        assertThat(link.key()).isEqualTo(first.key());
        assertThat(link.sha256()).isEqualTo(Sha256.hex(first.bytes()));
        assertThat(link.signature()).isEqualTo(first.digest().signature());
        assertThat(second.digest().start()).isEqualTo(first.digest().end());
        assertThat(second.digest().segments()).isEmpty();
        assertThat(verifier.verify(second.digest())).isTrue();
    }

    @Test
    void storedBytesReadBackToTheSameDigestAndResumeTheChain() {
        var first = DigestChain.start("audit", "i-1", signer, T0).next(T0.plusSeconds(900), List.of(entry(1, 2)));

        var reread = SignedDigest.read(first.key(), first.bytes());
        var second = DigestChain.resume("audit", signer, reread).next(T0.plusSeconds(1800), List.of());

        assertThat(reread.digest()).isEqualTo(first.digest());
        assertThat(second.digest().digestSeq()).isEqualTo(2);
        assertThat(second.digest().previous().sha256()).isEqualTo(Sha256.hex(first.bytes()));
    }

    @Test
    void anyChangeToASignedDigestBreaksItsSignature() {
        var digest = DigestChain.start("audit", "i-1", signer, T0).next(T0.plusSeconds(900), List.of(entry(1, 3)))
                .digest();
        var json = digest.toJson();
        var forgedEntry = Json.createObjectBuilder(json.getJsonArray("segments").getJsonObject(0))
                .add("sha256", "00".repeat(32));
        var forged = Digest.from(Json.createObjectBuilder(json)
                .add("segments", Json.createArrayBuilder().add(forgedEntry)).build());

        assertThat(verifier.check(forged)).contains("signature does not verify");
    }

    @Test
    void digestsSignedByAnotherKeyAreRejected() {
        var other = DigestSigner.generate();
        var digest = DigestChain.start("audit", "i-1", other, T0).next(T0.plusSeconds(900), List.of()).digest();

        assertThat(verifier.verify(digest)).isFalse();
        assertThat(new DigestVerifier(((EcKeySigner) other).publicKey()).verify(digest)).isTrue();
    }

    @Test
    void signerFromAPkcs8FileDerivesTheSamePublicKey(@TempDir Path dir) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var file = dir.resolve("digest-key.pem");
        Files.writeString(file, Pem.encode(pair.getPrivate().getEncoded(), "PRIVATE KEY"));

        var fromFile = DigestSigner.fromPkcs8Pem(file);

        assertThat(fromFile.publicKeyDer()).isEqualTo(pair.getPublic().getEncoded());
        var digest = DigestChain.start("", "i-1", fromFile, T0).next(T0.plusSeconds(60), List.of()).digest();
        assertThat(new DigestVerifier(pair.getPublic()).verify(digest)).isTrue();
    }

    @Test
    void digestKeyParsesBack() {
        var key = new DigestKey("p/q", "gw-i-0abc", Instant.parse("2025-12-31T23:45:00.5Z"), 12);

        assertThat(key.key()).isEqualTo("p/q/digests/dt=2025-12-31/gw-i-0abc-20251231T234500Z-00000012.json");
        assertThat(DigestKey.parse(key.key())).contains(key);
        assertThat(DigestKey.parse("digests/dt=2025-12-30/gw-20251231T234500Z-00000012.json")).isEmpty();
    }

    @Test
    void aCleanEndIsSignedReadBackAndOnlyThatDigestCarriesIt() {
        var chain = DigestChain.start("audit", "i-1", signer, T0);
        var plain = chain.next(T0.plusSeconds(900), List.of(entry(1, 3)));
        var end = chain.end(T0.plusSeconds(960), List.of(entry(4, 5)), 5);

        var reread = SignedDigest.read(end.key(), end.bytes()).digest();

        assertThat(plain.digest().endsChain()).isFalse();
        assertThat(plain.digest().toJson()).doesNotContainKey("chain_end");
        assertThat(reread.endsChain()).isTrue();
        assertThat(reread.chainEnd().lastSeq()).isEqualTo(5);
        assertThat(reread).isEqualTo(end.digest());
        assertThat(verifier.check(reread)).isEmpty();
        assertThat(reread.previous().signature()).isEqualTo(plain.digest().signature());
    }

    @Test
    void removingTheCleanEndMarkBreaksTheSignature() {
        var end = DigestChain.start("audit", "i-1", signer, T0).end(T0.plusSeconds(60), List.of(), 0);
        var stripped = Json.createObjectBuilder(end.digest().toJson()).remove("chain_end").build();

        assertThat(verifier.check(Digest.from(stripped))).isPresent();
    }
}
