package io.auditgate.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the key id out of a presented API key without judging the secret; shape only. */
final class PresentedKey {

    private static final Pattern SHAPE = Pattern.compile("ag_([a-z0-9]{6,8})_[A-Za-z0-9_-]{43}");

    private PresentedKey() {
    }

    static Optional<String> keyId(String presented) {
        if (presented == null || presented.length() > 64) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(presented);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
