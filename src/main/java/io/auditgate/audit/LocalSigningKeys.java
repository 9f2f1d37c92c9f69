package io.auditgate.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Makes an ECDSA P-256 private key as PKCS#8 PEM, for the local profile's digest signing. */
final class LocalSigningKeys {

    private LocalSigningKeys() {
    }

    static String newPkcs8Pem() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 support in this JVM", e);
        }
    }
}
