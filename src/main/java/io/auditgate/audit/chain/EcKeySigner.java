package io.auditgate.audit.chain;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;

/** A {@link DigestSigner} over an in-memory EC private key. */
record EcKeySigner(ECPrivateKey privateKey, PublicKey publicKey) implements DigestSigner {

    EcKeySigner {
        if (privateKey.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("digests are signed with P-256 keys");
        }
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            var ecdsa = Signature.getInstance(Digest.ALGORITHM);
            ecdsa.initSign(privateKey);
            ecdsa.update(message);
            return ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the digest", e);
        }
    }

    @Override
    public byte[] publicKeyDer() {
        return publicKey.getEncoded();
    }

    /** The private key as PKCS#8 PEM, to write a key file for local runs. */
    String privateKeyPem() {
        return Pem.encode(privateKey.getEncoded(), "PRIVATE KEY");
    }

    @Override
    public String toString() {
        return "EcKeySigner[" + publicKeySha256() + "]";
    }
}
