package io.auditgate.request;

import io.auditgate.guardrail.pii.PiiPolicy;
import io.auditgate.guardrail.pii.PiiScreen;
import io.auditgate.guardrail.pii.Placeholders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bounds what a client or its identity provider chose before it may reach a log line, a metric or an audit record:
 * an identifier is kept when it is short and of a safe character set, a header's free text when it is short
 * printable ASCII and then with every PII value masked; anything else becomes {@code sha256:<hex>} of its UTF-8
 * bytes, so an operator can still correlate it without the text being stored.
 */
public final class ClientText {

    /** The form a value took: kept (safe, possibly masked) text, or the hash that replaced it. */
    public record Value(String text, boolean hashed) {
    }

    /** JWT subjects and API key ids: no '@', so an e-mail address as a subject is stored as its hash. */
    static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9._:|=+-]{1,128}");
    /** Bedrock model ids, inference profile ids and ARNs. */
    static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/-]{1,256}");
    /** HTTP methods as RFC 9110 defines them, and the common extensions. */
    static final Pattern METHOD = Pattern.compile("GET|HEAD|POST|PUT|DELETE|CONNECT|OPTIONS|TRACE|PATCH");
    /** Printable ASCII, and no more of it than a real User-Agent has. */
    static final Pattern HEADER = Pattern.compile("[\\x20-\\x7E]{1,256}");

    /** The paths the gateway serves: the only ones kept as text. */
    static final Set<String> ROUTES = Set.of("/invoke", "/invoke/", "/v1/chat/completions", "/v1/chat/completions/",
            "/v1/models", "/v1/models/");

    private static final PiiScreen PII = new PiiScreen();
    private static final PiiPolicy MASK_ALL = PiiPolicy.maskAll();

    private ClientText() {
    }

    /** {@code value} when it matches {@code allowed}, else its hash. */
    static Value identifier(String value, Pattern allowed) {
        return allowed.matcher(value).matches() ? new Value(value, false) : hashed(value);
    }

    /** Header free text: printable ASCII of at most 256 characters, PII masked; else its hash. */
    static Value header(String value) {
        if (!HEADER.matcher(value).matches()) {
            return hashed(value);
        }
        return new Value(PII.screen(value, MASK_ALL, new Placeholders()).recordText(), false);
    }

    /** A request path a client chose may hold anything: only the gateway's own routes are kept as text. */
    public static String path(String path) {
        return path != null && ROUTES.contains(path) ? path : hashed(String.valueOf(path)).text();
    }

    /** Methods are tokens, but a client may send any: the standard ones as they are, others as their hash. */
    public static String method(String method) {
        return identifier(String.valueOf(method), METHOD).text();
    }

    static Value hashed(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return new Value("sha256:" + HexFormat.of().formatHex(digest), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
