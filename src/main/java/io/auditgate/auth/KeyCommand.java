package io.auditgate.auth;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Issues a new API key: {@code java -jar target/auditgate-keys.jar --tenant acme [--expires 2026-06-30T00:00:00Z]}.
 * Prints the key once and the entry to paste into the tenant's {@code api_keys}; nothing is stored anywhere. Uses
 * only the JDK, so its jar holds just this class, {@link NewApiKey} and {@link Sha256}. A usage error is one line on
 * standard error and exit status 2.
 */
public final class KeyCommand {

    static final String USAGE = "usage: java -jar auditgate-keys.jar --tenant <id> [--expires <ISO-8601 instant, e.g. 2026-06-30T00:00:00Z>]";
    static final String BAD_TENANT = "--tenant is not a tenant id: 1 to 63 lower-case letters, digits or '-', not starting with '-' (e.g. claims-team)";
    private static final String TENANT_ID = "[a-z0-9][a-z0-9-]{0,62}";

    private KeyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new SecureRandom(), System.out, System.err));
    }

    /** @return the process exit code: 0 on success, 2 on a usage error */
    static int run(String[] args, SecureRandom random, PrintStream out, PrintStream err) {
        String tenant = null;
        Instant expires = null;
        for (int i = 0; i < args.length; i++) {
            var value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--tenant" -> tenant = value;
                case "--expires" -> {
                    try {
                        expires = value == null ? null : Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        err.println("--expires is not an ISO-8601 instant such as 2026-06-30T00:00:00Z");
                        return 2;
                    }
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            i++;
        }
        if (tenant == null || args.length % 2 != 0) {
            err.println(USAGE);
            return 2;
        }
        if (!tenant.matches(TENANT_ID)) {
            err.println(BAD_TENANT);
            return 2;
        }
        var key = NewApiKey.generate(random);
        out.println("New API key for tenant " + tenant + " (shown once; hand it over securely, it is not stored):");
        out.println();
        out.println("  " + key.plaintext());
        out.println();
        out.println("Add this entry to the api_keys of tenant \"" + tenant + "\" in the tenants policy:");
        out.println();
        out.println("  " + key.policyEntry(expires));
        return 0;
    }
}
