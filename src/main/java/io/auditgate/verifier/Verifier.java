package io.auditgate.verifier;

import io.auditgate.audit.chain.DigestVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * {@code java -jar auditgate-verifier.jar}: verifies an audit store and prints one line per finding, then a
 * summary. Exit status 0 when nothing was found, 1 when something was, 2 for a bad command line, a store that
 * could not be read, or a public key other than {@code --key-fingerprint} names (the reason on standard error).
 */
public final class Verifier {

    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    private Verifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole tool without {@code System.exit}: what tests call. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println(Options.USAGE);
            return CLEAN;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("auditgate-verifier: " + e.getMessage());
            err.println(Options.USAGE);
            return ERROR;
        }
        try (var store = open(options)) {
            var verifier = DigestVerifier.fromPem(options.publicKey());
            if (options.keySha256() != null && !options.keySha256().equals(verifier.publicKeySha256())) {
                err.println("auditgate-verifier: the public key's fingerprint is " + verifier.fingerprint()
                        + ", not the SHA-256:" + options.keySha256() + " required by --key-fingerprint; nothing verified");
                return ERROR;
            }
            var report = new Verification(store, verifier, options).run();
            report.lines().forEach(out::println);
            out.flush();
            return report.findings().isEmpty() ? CLEAN : FINDINGS;
        } catch (IOException | UncheckedIOException e) {
            err.println("auditgate-verifier: " + (e instanceof java.nio.file.NoSuchFileException missing
                    ? "no such file or directory: " + missing.getFile() : e.getMessage()));
            return ERROR;
        } catch (RuntimeException e) {
            err.println("auditgate-verifier: " + e.getMessage());
            return ERROR;
        }
    }

    private static Store open(Options options) throws IOException {
        if (options.dir() != null) {
            return new LocalDirectoryStore(options.dir());
        }
        return new S3Store(options.bucket(), options.prefix(), options.endpoint(), options.region(),
                options.pathStyle());
    }
}
