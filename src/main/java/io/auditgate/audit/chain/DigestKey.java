package io.auditgate.audit.chain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a digest lives: {@code <prefix>/digests/dt=YYYY-MM-DD/<instance>-<yyyyMMdd'T'HHmmss'Z'>-<digestSeq>.json},
 * the time being the digest's end (UTC, whole seconds) and the sequence number zero-padded to 8 digits.
 */
public record DigestKey(String prefix, String instance, Instant end, long digestSeq) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern KEY = Pattern.compile("(?:(.+)/)?digests/dt=(\\d{4}-\\d{2}-\\d{2})/"
            + "([A-Za-z0-9][A-Za-z0-9._-]*)-(\\d{8}T\\d{6}Z)-(\\d{8,})\\.json");

    public DigestKey {
        prefix = Prefixes.normalise(prefix);
        end = end.truncatedTo(ChronoUnit.SECONDS);
        if (!ChainLink.isInstanceId(instance) || digestSeq < 1) {
            throw new IllegalArgumentException("bad digest key parts: " + instance + " " + digestSeq);
        }
    }

    /** Reads a key written by {@link #key()}; anything else is empty. */
    public static Optional<DigestKey> parse(String key) {
        var m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            var end = LocalDateTime.parse(m.group(4), STAMP).toInstant(ZoneOffset.UTC);
            var parsed = new DigestKey(m.group(1), m.group(3), end, Long.parseLong(m.group(5)));
            return parsed.relative().equals(key.substring(key.indexOf("digests/"))) ? Optional.of(parsed)
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public String key() {
        return Prefixes.join(prefix, relative());
    }

    /** The key below the prefix, starting at {@code digests/}. */
    public String relative() {
        var utc = end.atOffset(ZoneOffset.UTC);
        return String.format("digests/dt=%s/%s-%s-%08d.json", utc.toLocalDate(), instance, STAMP.format(utc),
                digestSeq);
    }

    @Override
    public String toString() {
        return key();
    }
}
