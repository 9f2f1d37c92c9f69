package io.auditgate.audit.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Signs digests with ECDSA P-256 over SHA-256 ({@code SHA256withECDSA}, ASN.1 DER signatures). The local
 * implementation holds a PKCS#8 key; an AWS KMS implementation (asymmetric {@code ECC_NIST_P256}
 * {@code SIGN_VERIFY} key, {@code kms:Sign} with {@code ECDSA_SHA_256}) produces the same DER signatures over the
 * same bytes and can be plugged in by implementing this interface.
 */
public interface DigestSigner {

    /** The DER signature over {@code message}; fails with IllegalStateException if the key cannot sign. */
    byte[] sign(byte[] message);

    /** The signer's public key as X.509 SubjectPublicKeyInfo DER. */
    byte[] publicKeyDer();

    /** Hex SHA-256 of {@link #publicKeyDer()}, the {@code public_key_sha256} of every digest it signs. */
    default String publicKeySha256() {
        return Sha256.hex(publicKeyDer());
    }

    /** How a key's fingerprint is written: this prefix, then the lower-case hex of {@link #publicKeySha256()}. */
    String FINGERPRINT_PREFIX = "SHA-256:";

    /**
     * {@code SHA-256:<hex>} of the SubjectPublicKeyInfo DER: what the gateway logs at start, names the published key
     * object by, and what the verifier prints and accepts as {@code --key-fingerprint}.
     */
    default String fingerprint() {
        return FINGERPRINT_PREFIX + publicKeySha256();
    }

    /** The public key as a {@code PUBLIC KEY} PEM block, what auditors pass to the verifier. */
    default String publicKeyPem() {
        return Pem.encode(publicKeyDer(), "PUBLIC KEY");
    }

    /** A signer over the EC P-256 private key in a PKCS#8 {@code PRIVATE KEY} PEM file. */
    static DigestSigner fromPkcs8Pem(Path file) throws IOException {
        return fromPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    static DigestSigner fromPkcs8Pem(String pem) {
        try {
            var factory = KeyFactory.getInstance("EC");
            var key = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem, "PRIVATE KEY")));
            var pub = factory.generatePublic(new ECPublicKeySpec(PublicPoint.of(key), key.getParams()));
            return new EcKeySigner(key, pub);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    /** A fresh P-256 key pair held in memory: for local runs and tests, never for production trails. */
    static DigestSigner generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return new EcKeySigner((ECPrivateKey) pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks EC P-256", e);
        }
    }
}
