package io.auditgate.verifier;

import io.auditgate.audit.chain.ChainLink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The verifier's command line. A bad command line fails with IllegalArgumentException carrying the reason.
 * {@code keySha256}: the lower-case hex the trusted key's fingerprint must have ({@code --key-fingerprint}), or null.
 */
record Options(Path dir, String bucket, String prefix, URI endpoint, String region, boolean pathStyle,
        Path publicKey, Instant from, Instant to, String instance, boolean requireSigned, String keySha256,
        boolean allowOpenChains, Set<String> running) {

    static final String USAGE = """
            usage: java -jar auditgate-verifier.jar --public-key <pem>
                     (--dir <path> | --bucket <bucket> [--prefix <prefix>] [--endpoint <url>] [--region <region>] [--path-style])
                     [--from <ISO instant>] [--to <ISO instant>] [--instance <id>]
                     [--require-signed] [--key-fingerprint SHA-256:<hex>]
                     [--running <id>[,<id>...] | --allow-open-chains]
              --require-signed    a segment no digest lists yet (unsigned) is a finding, not a note
              --running           instances known to be running: their chains without a clean end are OPEN_CHAIN
                                  lines, not UNTERMINATED_CHAIN findings
              --allow-open-chains every chain without a clean end is an OPEN_CHAIN line (a fleet that is running)
              --key-fingerprint   refuse to verify unless the public key's SHA-256 (of its DER) is this one
            Exit status: 0 no findings, 1 findings, 2 usage or I/O error, or a key other than --key-fingerprint.""";

    private static final Set<String> FLAGS = Set.of("--path-style", "--help", "--require-signed",
            "--allow-open-chains");
    private static final Set<String> VALUED = Set.of("--dir", "--bucket", "--prefix", "--endpoint", "--region",
            "--public-key", "--from", "--to", "--instance", "--key-fingerprint", "--running");
    private static final Pattern FINGERPRINT = Pattern.compile("(?i)(?:SHA-?256:)?([0-9a-f]{64})");

    static boolean wantsHelp(String[] args) {
        return Set.of(args).contains("--help") || Set.of(args).contains("-h");
    }

    static Options parse(String[] args) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                values.put(args[i], "true");
            } else if (VALUED.contains(args[i]) && i + 1 < args.length) {
                values.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
        }
        if (values.containsKey("--dir") == values.containsKey("--bucket")) {
            throw new IllegalArgumentException("give exactly one of --dir or --bucket");
        }
        if (!values.containsKey("--public-key")) {
            throw new IllegalArgumentException("--public-key is required");
        }
        var options = new Options(path(values, "--dir"), values.get("--bucket"), values.getOrDefault("--prefix", ""),
                values.containsKey("--endpoint") ? URI.create(values.get("--endpoint")) : null,
                values.get("--region"), values.containsKey("--path-style"), path(values, "--public-key"),
                instant(values, "--from"), instant(values, "--to"), values.get("--instance"),
                values.containsKey("--require-signed"), fingerprint(values.get("--key-fingerprint")),
                values.containsKey("--allow-open-chains"), running(values.get("--running")));
        if (options.from() != null && options.to() != null && options.to().isBefore(options.from())) {
            throw new IllegalArgumentException("--to is before --from");
        }
        return options;
    }

    boolean inWindow(Instant start, Instant end) {
        return (from == null || !end.isBefore(from)) && (to == null || !start.isAfter(to));
    }

    /** The auditor expects this instance's chain to be open: it is running (or all are allowed). */
    boolean allowsOpenChain(String id) {
        return allowOpenChains || running.contains(id);
    }

    boolean wantsInstance(String id) {
        return instance == null || instance.equals(id);
    }

    /** {@code SHA-256:<hex>} or the bare hex, any case: the lower-case hex; null when not given. */
    private static String fingerprint(String value) {
        if (value == null) {
            return null;
        }
        var matcher = FINGERPRINT.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--key-fingerprint is not SHA-256:<64 hex digits>");
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    private static Set<String> running(String value) {
        if (value == null) {
            return Set.of();
        }
        var ids = Set.copyOf(java.util.Arrays.asList(value.strip().split("\\s*,\\s*")));
        if (ids.stream().anyMatch(id -> !ChainLink.isInstanceId(id))) {
            throw new IllegalArgumentException("--running is not a comma-separated list of instance ids");
        }
        return ids;
    }

    private static Path path(Map<String, String> values, String name) {
        return values.containsKey(name) ? Path.of(values.get(name)) : null;
    }

    private static Instant instant(Map<String, String> values, String name) {
        try {
            return values.containsKey(name) ? Instant.parse(values.get(name)) : null;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 instant like 2025-01-31T00:00:00Z");
        }
    }
}
