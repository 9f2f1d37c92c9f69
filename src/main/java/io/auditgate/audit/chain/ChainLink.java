package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code chain} member of a sealed record: which instance wrote it, its place in that instance's gapless
 * sequence, the hash of the record before it and its own hash.
 */
public record ChainLink(String instance, long seq, String prevHash, String hash) {

    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public ChainLink {
        Objects.requireNonNull(instance, "instance");
        if (!isInstanceId(instance) || seq < 1 || !Sha256.isHex(prevHash) || !Sha256.isHex(hash)) {
            throw new IllegalArgumentException("malformed chain link: " + instance + " " + seq);
        }
    }

    /** Reads the {@code chain} member of a sealed record; anything missing or malformed fails. */
    public static ChainLink of(JsonObject sealed) {
        var chain = Json.member(sealed, "chain");
        return new ChainLink(Json.string(chain, "instance"), Json.number(chain, "seq"),
                Json.string(chain, "prev_hash"), Json.string(chain, "hash"));
    }

    /** Instance ids appear in object keys: letters, digits, {@code . _ -}, at most 128, e.g. {@code i-0abc123}. */
    public static boolean isInstanceId(String instance) {
        return instance != null && INSTANCE.matcher(instance).matches();
    }
}
