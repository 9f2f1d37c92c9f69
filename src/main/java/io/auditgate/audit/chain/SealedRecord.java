package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A sealed record with its RFC 8785 canonical text, made once when it is sealed and reused by the journal line and
 * the segment, which would otherwise each canonicalise the same record again. {@link #textOnly} keeps the text, the
 * chain link and {@code times.received} without the JSON tree, for records held in memory until they ship: the tree
 * is several times the text's size, and hundreds of them per second surviving young collections cost the collector.
 */
public final class SealedRecord {

    private final String canonical;
    private final ChainLink link;
    private final JsonObject json; // null once textOnly
    private final Instant received; // null until needed, when json is present

    /**
     * @param json      the sealed record
     * @param canonical {@code CanonicalJson.text(json)}
     */
    public SealedRecord(JsonObject json, String canonical) {
        this(Objects.requireNonNull(json, "json"), Objects.requireNonNull(canonical, "canonical"), ChainLink.of(json), null);
    }

    private SealedRecord(JsonObject json, String canonical, ChainLink link, Instant received) {
        this.json = json;
        this.canonical = canonical;
        this.link = link;
        this.received = received;
    }

    /** A record read back (from a journal file or an object), canonicalised here. */
    public static SealedRecord of(JsonObject sealed) {
        return new SealedRecord(sealed, CanonicalJson.text(sealed));
    }

    /**
     * A record read back as its canonical text, which a journal line holds verbatim: parsed once for its chain link and
     * {@code times.received}, and kept {@link #textOnly}, so that reading back does not canonicalise it again.
     */
    public static SealedRecord ofCanonical(String canonical) {
        return new SealedRecord(Json.parse(canonical), canonical).textOnly();
    }

    /**
     * The same record without its JSON tree ({@link #json} then parses the text again). A record without an ISO-8601
     * {@code times.received}, which no segment accepts, keeps its tree so that the segment refuses it as before.
     */
    public SealedRecord textOnly() {
        if (json == null) {
            return this;
        }
        try {
            return new SealedRecord(null, canonical, link, received());
        } catch (IllegalArgumentException e) {
            return this;
        }
    }

    public JsonObject json() {
        return json != null ? json : Json.parse(canonical);
    }

    public String canonical() {
        return canonical;
    }

    public ChainLink link() {
        return link;
    }

    /** {@code times.received}; IllegalArgumentException when it is missing or not an ISO-8601 instant. */
    public Instant received() {
        return received != null ? received : Segment.received(json);
    }
}
