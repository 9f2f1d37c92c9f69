package io.auditgate.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class UpstreamFailuresTest {

    private static GatewayException classify(SdkException e) {
        return UpstreamFailures.classify(e, "anthropic.claude-3-haiku-20240307-v1:0", Duration.ofSeconds(2));
    }

    private static <B extends BedrockRuntimeException.Builder> BedrockRuntimeException withMessage(B builder, int status, String message) {
        return (BedrockRuntimeException) builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage(message).build()).build();
    }

    @Test
    void throttlingBecomesATransient429WithRetryAfter() {
        var e = classify(ThrottlingException.builder().statusCode(429).build());

        assertThat(e).isInstanceOf(TransientUpstreamException.class);
        assertThat(e.problem()).isEqualTo(ProblemType.THROTTLED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(classify(ModelNotReadyException.builder().statusCode(429).build()).problem()).isEqualTo(ProblemType.THROTTLED);
    }

    @Test
    void serverSideFailuresAreTransient() {
        assertThat(classify(InternalServerException.builder().statusCode(500).build()))
                .isInstanceOf(TransientUpstreamException.class).extracting(GatewayException::problem).isEqualTo(ProblemType.UPSTREAM_ERROR);
        assertThat(classify(ServiceUnavailableException.builder().statusCode(503).build()))
                .isInstanceOf(TransientUpstreamException.class).extracting(GatewayException::problem).isEqualTo(ProblemType.MODEL_UNAVAILABLE);
        assertThat(classify(ModelTimeoutException.builder().statusCode(408).build()))
                .isInstanceOf(TransientUpstreamException.class).extracting(GatewayException::problem).isEqualTo(ProblemType.MODEL_TIMEOUT);
        assertThat(classify(SdkClientException.create("connect", new ConnectException("refused"))))
                .isInstanceOf(TransientUpstreamException.class).extracting(GatewayException::problem).isEqualTo(ProblemType.MODEL_UNAVAILABLE);
    }

    @Test
    void aValidationErrorCausedByTheClientsLimitsIsA400() {
        var e = classify(withMessage(ValidationException.builder(), 400,
                "The maximum tokens you requested exceeds the model limit of 4096."));

        assertThat(e).isNotInstanceOf(TransientUpstreamException.class);
        assertThat(e.problem()).isEqualTo(ProblemType.MODEL_REJECTED_INPUT);
        assertThat(e.detail()).doesNotContain("4096");
    }

    @Test
    void aValidationErrorTheGatewayCausedIsA502() {
        var e = classify(withMessage(ValidationException.builder(), 400, "Malformed input request: extraneous key"));

        assertThat(e.problem()).isEqualTo(ProblemType.UPSTREAM_ERROR);
        assertThat(e.detail()).doesNotContain("extraneous");
    }

    @Test
    void accessAndMissingModelsAreGatewayConfigurationProblemsNotRetried() {
        assertThat(classify(AccessDeniedException.builder().statusCode(403).build()))
                .isNotInstanceOf(TransientUpstreamException.class)
                .extracting(GatewayException::problem).isEqualTo(ProblemType.UPSTREAM_MISCONFIGURED);
        assertThat(classify(ResourceNotFoundException.builder().statusCode(404).build()).problem())
                .isEqualTo(ProblemType.UPSTREAM_MISCONFIGURED);
    }

    @Test
    void aModelErrorOrUnreadableAnswerIsAFinal502() {
        assertThat(classify(ModelErrorException.builder().statusCode(424).build()))
                .isNotInstanceOf(TransientUpstreamException.class)
                .extracting(GatewayException::problem).isEqualTo(ProblemType.UPSTREAM_ERROR);
        assertThat(classify(SdkClientException.create("Unable to unmarshall response")).problem()).isEqualTo(ProblemType.UPSTREAM_ERROR);
    }

    @Test
    void onlyModelHealthFailuresCountAgainstTheBreaker() {
        assertThat(UpstreamFailures.countsAgainstModel(classify(InternalServerException.builder().statusCode(500).build()))).isTrue();
        assertThat(UpstreamFailures.countsAgainstModel(classify(ThrottlingException.builder().statusCode(429).build()))).isFalse();
        assertThat(UpstreamFailures.countsAgainstModel(classify(withMessage(ValidationException.builder(), 400, "Input is too long for requested model."))))
                .isFalse();
    }

    @Test
    void ioFailuresInsideTheClientAreRecognised() {
        assertThat(classify(SdkClientException.create("x", new IOException("reset"))).problem()).isEqualTo(ProblemType.MODEL_UNAVAILABLE);
    }
}
