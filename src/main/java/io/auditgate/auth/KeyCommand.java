package io.auditgate.auth;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Issues a new API key: {@code java -cp target/classes io.auditgate.auth.KeyCommand --tenant acme
 * [--expires 2026-06-30T00:00:00Z]}. Prints the key once and the entry to paste into the tenant's
 * {@code api_keys}; nothing is stored anywhere. Uses only the JDK.
 */
public final class KeyCommand {

    static final String USAGE = "usage: KeyCommand --tenant <id> [--expires <ISO-8601 instant, e.g. 2026-06-30T00:00:00Z>]";

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
        if (tenant == null || !tenant.matches("[a-z0-9][a-z0-9-]{0,62}") || args.length % 2 != 0) {
            err.println(USAGE);
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
