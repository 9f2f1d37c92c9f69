package io.auditgate.audit.chain;

import java.util.Base64;
import java.util.regex.Pattern;

/** PEM armour for keys: {@code -----BEGIN <label>-----}, base64 DER, {@code -----END <label>-----}. */
public final class Pem {

    private Pem() {
    }

    /** The DER bytes of the first block labelled {@code label}; no such block fails with IllegalArgumentException. */
    public static byte[] decode(String pem, String label) {
        var m = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----")
                .matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + label + " block in the PEM text");
        }
        return Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
    }

    public static String encode(byte[] der, String label) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
