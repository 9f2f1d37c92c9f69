package io.auditgate.problem;

import java.util.Locale;

/** How a request ended, as counted in metrics and written in the request log. */
public enum Outcome {
    OK, REJECTED, THROTTLED, UPSTREAM_ERROR, UNAVAILABLE, TIMEOUT, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
