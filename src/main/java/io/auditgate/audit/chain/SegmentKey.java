package io.auditgate.audit.chain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a segment lives: {@code <prefix>/records/dt=YYYY-MM-DD/hr=HH/<instance>-<firstSeq>-<lastSeq>.jsonl.gz}
 * with the sequence numbers zero-padded to 12 digits and dt/hr the UTC hour of the first record's
 * {@code times.received}. The prefix may be empty, in which case the key starts at {@code records/}.
 */
public record SegmentKey(String prefix, LocalDate date, int hour, String instance, long firstSeq, long lastSeq) {

    private static final Pattern KEY = Pattern.compile("(?:(.+)/)?records/dt=(\\d{4}-\\d{2}-\\d{2})/hr=(\\d{2})/"
            + "([A-Za-z0-9][A-Za-z0-9._-]*)-(\\d{12,})-(\\d{12,})\\.jsonl\\.gz");

    public SegmentKey {
        prefix = Prefixes.normalise(prefix);
        Objects.requireNonNull(date, "date");
        if (hour < 0 || hour > 23 || !ChainLink.isInstanceId(instance) || firstSeq < 1 || lastSeq < firstSeq) {
            throw new IllegalArgumentException("bad segment key parts: " + instance + " " + firstSeq + "-" + lastSeq);
        }
    }

    /** The key of a segment whose first record was received at {@code firstReceived}. */
    public static SegmentKey of(String prefix, String instance, long firstSeq, long lastSeq, Instant firstReceived) {
        var utc = firstReceived.atOffset(ZoneOffset.UTC);
        return new SegmentKey(prefix, utc.toLocalDate(), utc.getHour(), instance, firstSeq, lastSeq);
    }

    /** Reads a key written by {@link #key()}; anything else is empty. */
    public static Optional<SegmentKey> parse(String key) {
        var m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SegmentKey(m.group(1), LocalDate.parse(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4), Long.parseLong(m.group(5)), Long.parseLong(m.group(6))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The full object key, prefix included. */
    public String key() {
        return Prefixes.join(prefix, relative());
    }

    /** The key below the prefix, starting at {@code records/}. */
    public String relative() {
        return String.format("records/dt=%s/hr=%02d/%s-%012d-%012d.jsonl.gz", date, hour, instance, firstSeq, lastSeq);
    }

    @Override
    public String toString() {
        return key();
    }
}
