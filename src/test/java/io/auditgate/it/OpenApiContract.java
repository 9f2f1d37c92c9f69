package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a served OpenAPI document: exactly the bytes of {@code openapi/openapi.yaml}, and valid OpenAPI 3. */
final class OpenApiContract {

    private OpenApiContract() {
    }

    static void assertIsTheContract(String served) throws IOException {
        var contract = Files.readString(Path.of("openapi/openapi.yaml"), StandardCharsets.UTF_8);
        assertThat(served).isEqualTo(contract);

        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(served, null, options);
        assertThat(result.getMessages()).as("OpenAPI validation messages").isEmpty();
        assertThat(result.getOpenAPI().getServers()).allSatisfy(server -> assertThat(server.getUrl()).doesNotContain("localhost"));
        assertThat(result.getOpenAPI().getPaths()).containsKey("/invoke");
        assertThat(result.getOpenAPI().getExtensions()).isNullOrEmpty();
    }
}
