package io.auditgate.auth;

import io.auditgate.tenant.ApiKeyEntry;
import io.auditgate.tenant.Sha256;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantsPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates API keys against one policy version. Only SHA-256 hashes are held. Every presented key costs
 * one hash and one constant-time comparison, whether its id is known or not, so timing does not tell a caller
 * which check failed; unknown, malformed, expired and revoked keys all give the same empty answer.
 */
public final class ApiKeys {

    private static final int MAX_HASHED_LENGTH = 256;
    private static final byte[] DUMMY_HASH = Sha256.digest("ag_unknown_key".getBytes(StandardCharsets.UTF_8));

    private final TenantsPolicy policy;
    private final Map<String, Entry> byKeyId = new HashMap<>();

    private record Entry(Tenant tenant, ApiKeyEntry key, byte[] hash) {
    }

    public ApiKeys(TenantsPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        for (var tenant : policy.tenants()) {
            for (var key : tenant.apiKeys()) {
                var previous = byKeyId.put(key.keyId(), new Entry(tenant, key, HexFormat.of().parseHex(key.sha256())));
                if (previous != null) {
                    throw new IllegalArgumentException("duplicate key id " + key.keyId());
                }
            }
        }
    }

    /** The policy these keys come from. */
    public TenantsPolicy policy() {
        return policy;
    }

    /** The caller for {@code presentedKey} if it is a known, unrevoked, unexpired key of this policy. */
    public Optional<Caller> authenticate(String presentedKey, Instant now) {
        var text = presentedKey == null ? "" : presentedKey;
        // bounded so an oversized header cannot buy extra hashing time; such a key is malformed anyway
        var hash = Sha256.digest(text.substring(0, Math.min(text.length(), MAX_HASHED_LENGTH)).getBytes(StandardCharsets.UTF_8));
        var entry = PresentedKey.keyId(presentedKey).map(byKeyId::get).orElse(null);
        var matches = MessageDigest.isEqual(hash, entry == null ? DUMMY_HASH : entry.hash());
        if (entry == null || !matches || !entry.key().isUsableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(entry.key().keyId(), AuthMethod.API_KEY, entry.tenant(), policy));
    }
}
