package io.auditgate.spending;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a budget rebuild reads of one audit record: its tenant, UTC day received, chain seq and {@code quota.settled}.
 * Only records with a settled charge count: a refused or unadmitted request, and a request interrupted by a crash,
 * carry none.
 */
record SettledRecord(String tenant, LocalDate received, long seq, long tokens, long costPicoUsd) {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** Cheaper than parsing: most records of a month are of unmetered tenants, or have no settlement. */
    private static final String MARK = "\"settled\":";

    /** The record of one segment line, if it was settled; a line that is not a record is IllegalArgumentException. */
    static Optional<SettledRecord> of(String line) {
        if (!line.contains(MARK)) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(line))) {
            var record = reader.readObject();
            var quota = record.getJsonObject("quota");
            if (quota == null || quota.getJsonObject("settled") == null || !(record.get("tenant") instanceof JsonString tenant)) {
                return Optional.empty();
            }
            var settled = quota.getJsonObject("settled");
            return Optional.of(new SettledRecord(tenant.getString(), day(record),
                    record.getJsonObject("chain").getJsonNumber("seq").longValueExact(),
                    settled.getJsonNumber("tokens").longValueExact(),
                    settled.getJsonNumber("cost_pico_usd").longValueExact()));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not an audit record: " + e.getClass().getSimpleName(), e);
        }
    }

    private static LocalDate day(JsonObject record) {
        try {
            return Instant.parse(record.getJsonObject("times").getString("received")).atOffset(ZoneOffset.UTC)
                    .toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("times.received is not an instant", e);
        }
    }
}
