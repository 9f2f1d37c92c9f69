package io.auditgate.http;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns the raw body into a JSON object for every endpoint (the limits keep their {@code invoke.} keys, which came
 * first), refusing early and cheaply: wrong media type (415), a body over
 * {@code invoke.max-body-bytes} (413, enforced while reading), a body still arriving after
 * {@code invoke.body-read-timeout} or whose reading timed out (408), bytes that are not UTF-8, and malformed JSON,
 * duplicate keys or anything but an object (400 {@code invalid-json}).
 */
@ApplicationScoped
public class JsonBody {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(
            Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    @Inject
    @ConfigProperty(name = "invoke.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "invoke.max-drain-bytes", defaultValue = "16777216")
    long maxDrainBytes;

    @Inject
    @ConfigProperty(name = "invoke.body-read-timeout", defaultValue = "PT10S")
    Duration bodyReadTimeout;

    /** The clock of the read deadline; a test's own clock makes a trickling client without waiting. */
    LongSupplier nanoTime = System::nanoTime;

    public JsonObject read(String contentType, String contentLength, InputStream body) {
        return read(contentType, contentLength, body, maxBodyBytes);
    }

    /**
     * As {@link #read(String, String, InputStream)} with the endpoint's own cap (a {@code /v1} body may carry base64
     * images, so its cap is its own setting).
     */
    public JsonObject read(String contentType, String contentLength, InputStream body, long maxBodyBytes) {
        requireJson(contentType);
        var bytes = readCapped(contentLength, body, maxBodyBytes);
        var text = decodeUtf8(bytes);
        try (var parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new GatewayException(ProblemType.INVALID_JSON, "The request body must be a JSON object.");
            }
            var object = parser.getObject();
            if (parser.hasNext()) {
                throw new GatewayException(ProblemType.INVALID_JSON, "The request body has content after the JSON object.");
            }
            return object;
        } catch (GatewayException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and the plain RuntimeException Parsson throws past its nesting limit
            throw new GatewayException(ProblemType.INVALID_JSON,
                    "The request body is not well-formed JSON (or repeats a key).");
        }
    }

    /** Accepts {@code application/json} with no charset or UTF-8; parsed by hand so it needs no JAX-RS runtime. */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Missing Content-Type: send application/json.");
        }
        var parts = contentType.split(";");
        var json = parts[0].trim().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            var parameter = parts[i].split("=", 2);
            var name = parameter[0].trim().toLowerCase(Locale.ROOT);
            var value = parameter.length == 2 ? parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT) : "";
            json = !name.equals("charset") || value.equals("utf-8");
        }
        if (!json) {
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json (UTF-8).");
        }
    }

    /**
     * Reads the body within the cap and the deadline. The deadline is checked after each chunk, so a client trickling
     * its body a byte at a time cannot hold the request thread; a read that waits with nothing arriving is ended by
     * the container's own read timeout (an {@code IOException} naming a timeout), which counts as the same 408.
     */
    private byte[] readCapped(String contentLength, InputStream body, long maxBodyBytes) {
        var deadline = nanoTime.getAsLong() + bodyReadTimeout.toNanos();
        try {
            if (contentLength != null && declaredTooLarge(contentLength, maxBodyBytes)) {
                throw tooLarge(body, maxBodyBytes);
            }
            var bytes = new ByteArrayOutputStream();
            var chunk = new byte[16 * 1024];
            for (int n; (n = body.read(chunk, 0, (int) Math.min(chunk.length, maxBodyBytes + 1 - bytes.size()))) > 0;) {
                bytes.write(chunk, 0, n);
                if (bytes.size() > maxBodyBytes) {
                    throw tooLarge(body, maxBodyBytes);
                }
                if (nanoTime.getAsLong() - deadline > 0) {
                    throw timedOut();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw isTimeout(e) ? timedOut() : new GatewayException(ProblemType.INVALID_JSON,
                    "The request body could not be read completely.");
        }
    }

    private GatewayException timedOut() {
        return new GatewayException(ProblemType.REQUEST_TIMEOUT,
                "The request body was not received within " + bodyReadTimeout.toSeconds() + " s.");
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredTooLarge(String contentLength, long maxBodyBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Discards (never buffers) up to {@code invoke.max-drain-bytes} of the rest, so that a client still sending
     * can read the 413 instead of a reset connection; beyond that the connection is abandoned.
     */
    private GatewayException tooLarge(InputStream body, long maxBodyBytes) throws IOException {
        var buffer = new byte[64 * 1024];
        long drained = 0;
        for (int n; drained < maxDrainBytes && (n = body.read(buffer)) > 0; ) {
            drained += n;
        }
        return new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + maxBodyBytes + " bytes.");
    }

    private static String decodeUtf8(byte[] bytes) {
        var offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GatewayException(ProblemType.INVALID_JSON, "The request body is not valid UTF-8.");
        }
    }
}
