package io.auditgate.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class BedrockWarmUpTest {

    @Test
    void aRefusedOrFailedCallLeavesTheClientWarm() {
        assertThat(BedrockWarmUp.warmUp(() -> {
            throw ValidationException.builder().message("The provided model identifier is invalid.").build();
        })).isEqualTo(BedrockWarmUp.State.DONE);
        assertThat(BedrockWarmUp.warmUp(() -> {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
        })).isEqualTo(BedrockWarmUp.State.DONE);
        assertThat(BedrockWarmUp.warmUp(() -> {
            throw new IllegalStateException("unexpected");
        })).isEqualTo(BedrockWarmUp.State.DONE);
        assertThat(BedrockWarmUp.warmUp(() -> { })).isEqualTo(BedrockWarmUp.State.DONE);
    }

    @Test
    void classesThatCannotInitialiseBreakTheClientForGood() {
        assertThat(BedrockWarmUp.warmUp(() -> {
            throw new ExceptionInInitializerError(new IllegalStateException("static initialiser failed"));
        })).isEqualTo(BedrockWarmUp.State.BROKEN);
        assertThat(BedrockWarmUp.warmUp(() -> {
            throw new NoClassDefFoundError("Could not initialize class JsonProtocolMarshaller");
        })).isEqualTo(BedrockWarmUp.State.BROKEN);
    }
}
