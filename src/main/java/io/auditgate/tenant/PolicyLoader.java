package io.auditgate.tenant;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a tenants policy (a file or a class-path resource, {@link PolicyLocation}): strict UTF-8 and JSON (duplicate
 * keys refused), then {@code tenants.schema.json}, then the checks a schema cannot express ({@link PolicyChecks}).
 * Thread-safe; build one and reuse it.
 */
public final class PolicyLoader {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final PolicySchema schema = new PolicySchema();
    private final JsonReaderFactory readers = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    /**
     * @throws InvalidPolicyException if the file cannot be read or is not a valid policy; the message names
     *                                the file, the JSON path and the reason
     */
    public TenantsPolicy load(Path file) {
        return load(new PolicyLocation.File(file));
    }

    /**
     * @throws InvalidPolicyException if the policy cannot be read or is not valid; the message names the location
     *                                ({@link PolicyLocation#label()}), the JSON path and the reason
     */
    public TenantsPolicy load(PolicyLocation location) {
        return parse(location.label(), read(location));
    }

    TenantsPolicy parse(Path file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidPolicyException(file, "$", "larger than " + MAX_BYTES + " bytes");
        }
        var json = decode(file, bytes);
        var document = readObject(file, json);
        schema.validate(file, json);
        return PolicyMapping.toPolicy(file, document, Sha256.hex(bytes));
    }

    private static byte[] read(PolicyLocation location) {
        try {
            return location.read();
        } catch (IOException e) {
            throw new InvalidPolicyException(location.label(), "$",
                    "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPolicyException(file, "$", "not UTF-8");
        }
    }

    private JsonObject readObject(Path file, String json) {
        try (var reader = readers.createReader(new StringReader(json))) {
            var value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new InvalidPolicyException(file, "$", "must be a JSON object");
            }
            return object;
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidPolicyException(file, "$", "not valid JSON at line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber());
        } catch (JsonException e) {
            throw new InvalidPolicyException(file, "$", "not valid JSON (" + e.getMessage() + ")");
        }
    }
}
