package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/** Compares a served OpenAPI document with {@code openapi/openapi.yaml}: paths, operations, schemas, responses. */
final class OpenApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiContract() {
    }

    static void assertMatches(String served) throws IOException {
        JsonNode contract = YAML.readTree(Path.of("openapi/openapi.yaml").toFile());
        JsonNode document = YAML.readTree(served);

        assertThat(document.get("info").get("title")).isEqualTo(contract.get("info").get("title"));
        assertThat(document.get("paths")).isEqualTo(contract.get("paths"));
        assertThat(document.get("components")).isEqualTo(contract.get("components"));
    }
}
