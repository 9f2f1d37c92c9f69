package io.auditgate.audit.chain;

/** Key prefixes are written without leading or trailing slashes; the empty prefix means the store's root. */
public final class Prefixes {

    private Prefixes() {
    }

    public static String normalise(String prefix) {
        var p = prefix == null ? "" : prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static String join(String prefix, String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }
}
