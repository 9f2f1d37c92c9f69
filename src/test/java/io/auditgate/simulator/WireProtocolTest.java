package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WireProtocolTest {

    private static final String CONVERSE_BODY = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}";
    private static final String FAKE_SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDSIMULATOR/20250101/us-east-1/bedrock/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private HttpResponse<String> send(String method, String path, boolean signed) throws Exception {
        var request = HttpRequest.newBuilder(simulator.endpoint().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(CONVERSE_BODY))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5));
        if (signed) {
            request.header("Authorization", FAKE_SIGNATURE).header("X-Amz-Date", "20250101T000000Z");
        }
        return SdkClients.send(request.build());
    }

    @Test
    void refusesAnUnsignedRequestWithMissingAuthenticationToken() throws Exception {
        var response = send("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", false);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValueSatisfying(
                type -> assertThat(type).startsWith("MissingAuthenticationTokenException:"));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).contains("\"message\"");
    }

    @Test
    void answersASignedLookingRequestWithoutVerifyingTheSignature() throws Exception {
        var response = send("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(response.body()).contains("Simulated answer from anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void answersAnUnknownPathWithUnknownOperation() throws Exception {
        var response = send("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/chat", true);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValueSatisfying(
                type -> assertThat(type).startsWith("UnknownOperationException:"));
    }

    @Test
    void answersAWrongMethodWith405() throws Exception {
        var response = send("PUT", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", true);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void rejectsABrokenJsonBodyAsValidation() throws Exception {
        var request = HttpRequest.newBuilder(simulator.endpoint().resolve("/model/amazon.nova-lite-v1%3A0/converse"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\": ["))
                .header("Authorization", FAKE_SIGNATURE).header("X-Amz-Date", "20250101T000000Z").build();

        var response = SdkClients.send(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValueSatisfying(
                type -> assertThat(type).isEqualTo("ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/"));
    }
}
