package io.auditgate.tenant;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A tenants policy file that cannot be used. The message names the file, the JSON path and the reason, e.g.
 * {@code /etc/auditgate/tenants.json: $.tenants[1].api_keys[0].sha256: does not match the regex pattern ...};
 * it never quotes values from the file.
 */
public class InvalidPolicyException extends RuntimeException {

    private final transient Path file;
    private final String jsonPath;
    private final String reason;

    public InvalidPolicyException(Path file, String jsonPath, String reason) {
        super(file + ": " + jsonPath + ": " + reason, null, false, false);
        this.file = Objects.requireNonNull(file, "file");
        this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Path file() {
        return file;
    }

    /** Where in the document, as a JSON path such as {@code $.tenants[0].id}; {@code $} for the whole file. */
    public String jsonPath() {
        return jsonPath;
    }

    public String reason() {
        return reason;
    }
}
