package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class FaultTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private ConverseResponse converseWith(String fault, Duration timeout) {
        return simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU)
                .messages(ConverseTest.user("Is this a fault?"))
                .overrideConfiguration(o -> o.putHeader("x-sim-fault", fault).apiCallTimeout(timeout))
                .build());
    }

    static Stream<Arguments> errorFaults() {
        return Stream.of(
                Arguments.of("throttle", ThrottlingException.class, 429, "ThrottlingException"),
                Arguments.of("model-not-ready", ModelNotReadyException.class, 429, "ModelNotReadyException"),
                Arguments.of("model-timeout", ModelTimeoutException.class, 408, "ModelTimeoutException"),
                Arguments.of("internal", InternalServerException.class, 500, "InternalServerException"),
                Arguments.of("unavailable", ServiceUnavailableException.class, 503, "ServiceUnavailableException"),
                Arguments.of("model-error", ModelErrorException.class, 424, "ModelErrorException"),
                Arguments.of("validation", ValidationException.class, 400, "ValidationException"),
                Arguments.of("quota", ServiceQuotaExceededException.class, 400, "ServiceQuotaExceededException"),
                Arguments.of("access-denied", AccessDeniedException.class, 403, "AccessDeniedException"),
                Arguments.of("not-found", ResourceNotFoundException.class, 404, "ResourceNotFoundException"),
                Arguments.of("stream-error", InternalServerException.class, 500, "InternalServerException"));
    }

    @ParameterizedTest(name = "{0} becomes {2} {3}")
    @MethodSource("errorFaults")
    void eachErrorFaultBecomesTheSdkExceptionOfItsType(String fault, Class<? extends BedrockRuntimeException> type,
                                                      int status, String errorCode) {
        assertThatThrownBy(() -> converseWith(fault, Duration.ofSeconds(5)))
                .isExactlyInstanceOf(type)
                .satisfies(e -> {
                    var exception = (BedrockRuntimeException) e;
                    assertThat(exception.statusCode()).isEqualTo(status);
                    assertThat(exception.awsErrorDetails().errorCode()).isEqualTo(errorCode);
                    assertThat(exception.awsErrorDetails().errorMessage()).isNotBlank();
                    assertThat(exception.requestId()).isNotBlank();
                });
    }

    @Test
    void throttlingSaysWhatTheRealServiceSays() {
        assertThatThrownBy(() -> converseWith("throttle", Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Too many tokens, please wait before trying again."));
    }

    @Test
    void malformedBodyBecomesAnSdkClientException() {
        assertThatThrownBy(() -> converseWith("malformed", Duration.ofSeconds(5)))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void hangEndsInTheSdksApiCallTimeoutWithoutBlockingOtherRequests() {
        assertThatThrownBy(() -> converseWith("hang", Duration.ofMillis(500)))
                .isInstanceOf(ApiCallTimeoutException.class);
        assertThatThrownBy(() -> converseWith("hang", Duration.ofMillis(500)))
                .isInstanceOf(ApiCallTimeoutException.class);

        var response = simulator.sync().converse(r -> r.modelId(SdkClients.HAIKU)
                .messages(ConverseTest.user("Still there?")));
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void latencyDelaysTheAnswerButStillAnswers() {
        long started = System.nanoTime();
        var response = simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU)
                .messages(ConverseTest.user("Slowly please"))
                .overrideConfiguration(o -> o.putHeader("x-sim-fault", "latency").putHeader("x-sim-latency-ms", "300"))
                .build());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.metrics().latencyMs()).isGreaterThanOrEqualTo(300L);
    }

    @Test
    void anUnknownFaultHeaderIsAValidationError() {
        assertThatThrownBy(() -> converseWith("explode", Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("explode");
    }
}
