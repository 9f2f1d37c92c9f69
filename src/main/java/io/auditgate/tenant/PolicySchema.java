package io.auditgate.tenant;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/** {@code tenants.schema.json} (JSON Schema 2020-12) from the class path, with format assertions on. */
final class PolicySchema {

    static final String RESOURCE = "/tenants.schema.json";

    private final JsonSchema schema;

    PolicySchema() {
        var config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
        try (var in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws InvalidPolicyException for the violation with the first JSON path, saying how many more there are */
    void validate(Path file, String json) {
        var errors = schema.validate(json, InputFormat.JSON);
        if (errors.isEmpty()) {
            return;
        }
        var first = errors.stream()
                .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .orElseThrow();
        var more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        throw new InvalidPolicyException(file, first.getInstanceLocation().toString(), reason(first) + more);
    }

    private static String reason(ValidationMessage message) {
        var text = message.getMessage();
        var location = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(location) ? text.substring(location.length()) : text;
    }
}
