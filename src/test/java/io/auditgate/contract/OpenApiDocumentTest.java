package io.auditgate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    @Test
    void thePackagedDocumentIsTheContractFileByteForByte() throws Exception {
        assertThat(OpenApiServlet.document()).isEqualTo(Files.readAllBytes(Path.of("openapi/openapi.yaml")));
    }
}
