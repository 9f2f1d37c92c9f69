package io.auditgate.audit.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When the shipper cuts a segment (whichever comes first: {@code maxRecords} records, {@code maxBytes} bytes of
 * journal lines, or the oldest unshipped record being {@code maxAge} old), how often it looks
 * ({@code pollInterval}), how it backs off while the store is unreachable (exponential from {@code initialBackoff}
 * up to {@code maxBackoff}, with jitter) and how often a digest is signed ({@code digestInterval}).
 */
public record ShipperOptions(int maxRecords, long maxBytes, Duration maxAge, Duration pollInterval,
        Duration initialBackoff, Duration maxBackoff, Duration digestInterval) {

    public ShipperOptions {
        for (var d : List.of(maxAge, pollInterval, initialBackoff, maxBackoff, digestInterval)) {
            if (Objects.requireNonNull(d, "durations").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("shipper durations must be positive");
            }
        }
        if (maxRecords < 1 || maxBytes < 1 || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("bad shipper options");
        }
    }

    /** 1,000 records or 8 MiB or 60 s; poll every second; back off 1 s to 60 s; a digest every 15 minutes. */
    public static ShipperOptions defaults() {
        return new ShipperOptions(1000, 8L << 20, Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15));
    }

    public ShipperOptions withMaxRecords(int records) {
        return new ShipperOptions(records, maxBytes, maxAge, pollInterval, initialBackoff, maxBackoff, digestInterval);
    }

    public ShipperOptions withPolling(Duration poll, Duration initial, Duration max) {
        return new ShipperOptions(maxRecords, maxBytes, maxAge, poll, initial, max, digestInterval);
    }
}
