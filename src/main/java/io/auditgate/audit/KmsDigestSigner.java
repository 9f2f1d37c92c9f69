package io.auditgate.audit;

import io.auditgate.audit.chain.DigestSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs digests with an asymmetric AWS KMS key ({@code ECC_NIST_P256}, {@code SIGN_VERIFY}): {@code kms:Sign} with
 * {@code ECDSA_SHA_256} returns the same DER signature over the same bytes as a local P-256 key, so the verifier
 * needs only the key's public half ({@code kms:GetPublicKey}). The private key never leaves KMS. Messages over
 * KMS's 4,096-byte limit for raw input are sent as their SHA-256 digest, which yields the same signature.
 */
final class KmsDigestSigner implements DigestSigner {

    private static final int RAW_LIMIT = 4096;

    private final KmsClient kms;
    private final String keyId;
    private final byte[] publicKey;

    KmsDigestSigner(KmsClient kms, String keyId) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.publicKey = kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
    }

    @Override
    public byte[] sign(byte[] message) {
        var raw = message.length <= RAW_LIMIT;
        try {
            return kms.sign(b -> b.keyId(keyId).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                            .messageType(raw ? MessageType.RAW : MessageType.DIGEST)
                            .message(SdkBytes.fromByteArray(raw ? message : sha256(message))))
                    .signature().asByteArray();
        } catch (SdkException e) {
            throw new IllegalStateException("KMS could not sign the digest (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public byte[] publicKeyDer() {
        return publicKey.clone();
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
