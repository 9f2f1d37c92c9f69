package io.auditgate.tenant;

import io.auditgate.process.Exit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenants policy in force, from {@code tenants.policy-file} (a file, or {@code classpath:local/tenants.json} for
 * the demo policy shipped in the WAR): loaded at start-up, where an invalid policy stops the process
 * ({@link Exit#INVALID_POLICY}); a file is re-read every {@code tenants.reload-interval}, where an invalid new version
 * is rejected and the old one kept. A request takes one {@link #current()} snapshot, when it is authenticated.
 */
@ApplicationScoped
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

    @Inject
    @ConfigProperty(name = "tenants.policy-file")
    String policyFile;

    @Inject
    @ConfigProperty(name = "tenants.reload-interval", defaultValue = "PT10S")
    Duration reloadInterval;

    private PolicyHolder holder;
    private PolicyWatcher watcher;

    /** For CDI; {@link #load()} reads {@code tenants.policy-file}. */
    public Tenants() {
    }

    /** Wired by hand (flow tests): the policy of {@code holder}, reloaded only when the test asks it to. */
    public Tenants(PolicyHolder holder) {
        this.holder = holder;
    }

    @PostConstruct
    void load() {
        try {
            holder = new PolicyHolder(PolicyLocation.of(policyFile));
        } catch (RuntimeException e) {
            Exit.INVALID_POLICY.refuseToStart(policyFile + ": "
                    + (e instanceof InvalidPolicyException ? e.getMessage() : e.getClass().getSimpleName()));
            throw e;
        }
        if (holder.location().changes()) {
            watcher = new PolicyWatcher(holder, reloadInterval);
            watcher.start();
        }
        var policy = holder.policy();
        LOG.info(() -> "Tenants policy version " + policy.version() + " loaded from " + policyFile + " ("
                + policy.tenants().size() + " tenants, sha256 " + policy.fingerprint() + ")");
    }

    /** Loads the policy at deployment rather than at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        holder.policy();
    }

    /** The version in force now: an immutable snapshot that a reload never changes. */
    public TenantsPolicy current() {
        return holder.policy();
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
