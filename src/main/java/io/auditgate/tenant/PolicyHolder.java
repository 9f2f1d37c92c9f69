package io.auditgate.tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The tenants policy in force, swapped atomically when its file changes (a class-path policy never does). A new
 * version that does not load (invalid, unreadable, deleted) is rejected with one log line and the previous version
 * stays in force; a policy that is invalid at construction stops the start-up instead.
 */
public final class PolicyHolder {

    private static final Logger LOG = Logger.getLogger(PolicyHolder.class.getName());
    private static final String MISSING = "missing";

    private final PolicyLocation location;
    private final PolicyLoader loader;
    private final AtomicReference<TenantsPolicy> current;
    private String lastRejected;

    /** @throws InvalidPolicyException if the location does not hold a valid policy now */
    public PolicyHolder(PolicyLocation location, PolicyLoader loader) {
        this.location = Objects.requireNonNull(location, "location");
        this.loader = Objects.requireNonNull(loader, "loader");
        var policy = loader.load(location);
        this.current = new AtomicReference<>(policy);
        LOG.info(() -> "Tenants policy " + location + " loaded: " + describe(policy));
    }

    public PolicyHolder(PolicyLocation location) {
        this(location, new PolicyLoader());
    }

    public PolicyHolder(Path file) {
        this(new PolicyLocation.File(file));
    }

    /** Where the policy is read from; {@link PolicyLocation#changes()} says whether reloading can find anything. */
    public PolicyLocation location() {
        return location;
    }

    /** The policy in force. */
    public TenantsPolicy policy() {
        return current.get();
    }

    /**
     * Loads the file again if its content differs from the policy in force (compared by SHA-256 of the bytes, which
     * also catches edits that keep size and modification time) and swaps it in if valid.
     *
     * @return whether a new version is now in force
     */
    public synchronized boolean reloadIfChanged() {
        byte[] bytes;
        try {
            bytes = location.read();
        } catch (IOException e) {
            reject(MISSING, "$: cannot be read (" + e.getClass().getSimpleName() + ")");
            return false;
        }
        var fingerprint = Sha256.hex(bytes);
        if (fingerprint.equals(policy().fingerprint())) {
            lastRejected = null;
            return false;
        }
        if (fingerprint.equals(lastRejected)) {
            return false;
        }
        try {
            var policy = loader.parse(location.label(), bytes);
            current.set(policy);
            lastRejected = null;
            LOG.info(() -> "Tenants policy " + location + " reloaded: " + describe(policy));
            return true;
        } catch (InvalidPolicyException e) {
            reject(fingerprint, e.jsonPath() + ": " + e.reason());
            return false;
        }
    }

    private void reject(String what, String reason) {
        if (!what.equals(lastRejected)) {
            lastRejected = what;
            LOG.warning(() -> "Tenants policy " + location + " rejected, keeping " + describe(policy()) + "; "
                    + reason);
        }
    }

    private static String describe(TenantsPolicy policy) {
        return "version " + policy.version() + ", " + policy.tenants().size() + " tenants, fingerprint "
                + policy.fingerprint().substring(0, 12);
    }
}
