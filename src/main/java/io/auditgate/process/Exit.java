package io.auditgate.process;

import java.util.logging.Logger;

/**
 * Every reason the gateway stops its own process, with its exit status. Each is a refusal to start: a Payara Micro
 * left running without the gateway deployed answers nothing useful, and a load balancer could take it for a healthy
 * instance. {@code docs/architecture.md} lists them.
 */
public enum Exit {

    /** The tenants policy at start-up is missing, unreadable or invalid. */
    INVALID_POLICY(3, "tenants policy"),
    /** The audit trail cannot open (journal directory, lock, store, signing key): no answer may leave unrecorded. */
    AUDIT_UNUSABLE(4, "audit trail");

    private static final Logger LOG = Logger.getLogger(Exit.class.getName());

    private final int status;
    private final String what;

    Exit(int status, String what) {
        this.status = status;
        this.what = what;
    }

    public int status() {
        return status;
    }

    /**
     * Logs why and exits from a new thread (the caller, a bean being constructed, must return so that deployment
     * fails cleanly while the JVM stops).
     */
    public void refuseToStart(String reason) {
        LOG.severe(() -> "AuditGate refuses to start: the " + what + " is not usable: " + reason);
        Worker.REFUSE_START.start(() -> System.exit(status));
    }
}
