package io.auditgate.audit.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** Checks digest signatures against one trusted public key (X.509 SubjectPublicKeyInfo, EC P-256). */
public final class DigestVerifier {

    private final PublicKey key;
    private final String keySha256;

    public DigestVerifier(PublicKey key) {
        this.key = key;
        this.keySha256 = Sha256.hex(key.getEncoded());
    }

    /** Reads a {@code PUBLIC KEY} PEM file; anything else fails with IllegalArgumentException. */
    public static DigestVerifier fromPem(Path file) throws IOException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static DigestVerifier fromPem(String pem) {
        try {
            var spec = new X509EncodedKeySpec(Pem.decode(pem, "PUBLIC KEY"));
            return new DigestVerifier(KeyFactory.getInstance("EC").generatePublic(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 EC public key", e);
        }
    }

    /** Empty if the digest was signed by this key over its canonical bytes, else why not. */
    public Optional<String> check(Digest digest) {
        if (!keySha256.equals(digest.publicKeySha256())) {
            return Optional.of("signed by another key " + digest.publicKeySha256());
        }
        try {
            var ecdsa = Signature.getInstance(Digest.ALGORITHM);
            ecdsa.initVerify(key);
            ecdsa.update(digest.signedBytes());
            return ecdsa.verify(Base64.getDecoder().decode(digest.signature())) ? Optional.empty()
                    : Optional.of("signature does not verify");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("signature is malformed");
        }
    }

    public boolean verify(Digest digest) {
        return check(digest).isEmpty();
    }

    public String publicKeySha256() {
        return keySha256;
    }

    /** {@code SHA-256:<hex>} of the trusted key, as the gateway logs it at start ({@link DigestSigner#fingerprint}). */
    public String fingerprint() {
        return DigestSigner.FINGERPRINT_PREFIX + keySha256;
    }
}
