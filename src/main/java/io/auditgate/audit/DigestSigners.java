package io.auditgate.audit;

import io.auditgate.audit.chain.DigestSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the digest signing key from the settings: an asymmetric KMS key ({@code audit.signing-kms-key-id}), or
 * {@code audit.signing-key-file} (PKCS#8 PEM); with the local store only, a key made once and kept in the journal
 * directory, its public key beside it for the verifier. An S3 trail without a configured key refuses to start:
 * digests signed by a throw-away key prove nothing.
 */
final class DigestSigners {

    private DigestSigners() {
    }

    static DigestSigner of(AuditSettings settings) throws IOException {
        if (settings.signingKmsKeyId.isPresent()) {
            return new KmsDigestSigner(AuditStores.kms(settings.region, settings.kmsEndpoint), settings.signingKmsKeyId.get());
        }
        if (settings.signingKeyFile.isPresent()) {
            return DigestSigner.fromPkcs8Pem(Path.of(settings.signingKeyFile.get()));
        }
        if (!"local".equals(settings.store)) {
            throw new IllegalStateException("audit.signing-kms-key-id or audit.signing-key-file is required with audit.store="
                    + settings.store);
        }
        var keyFile = settings.journalDir().resolve("digest-signing-key.pem");
        if (!Files.exists(keyFile)) {
            Files.writeString(keyFile, LocalSigningKeys.newPkcs8Pem());
        }
        var signer = DigestSigner.fromPkcs8Pem(keyFile);
        Files.writeString(settings.journalDir().resolve("digest-public-key.pem"), signer.publicKeyPem());
        return signer;
    }
}
