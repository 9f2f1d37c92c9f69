package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private BedrockSimulator.Launch launch(String... args) {
        return BedrockSimulator.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAnUnknownOptionWithUsageOnStderrAndExitStatus2() {
        var launch = launch("--colour", "blue");

        assertThat(launch.exitStatus()).isEqualTo(2);
        assertThat(launch.simulator()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option --colour", "Usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void rejectsANonNumericPortAndAMissingValue() {
        assertThat(launch("--port", "nine").exitStatus()).isEqualTo(2);
        assertThat(launch("--latency-ms").exitStatus()).isEqualTo(2);
        assertThat(launch("--port", "70000").exitStatus()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port needs a number",
                "Missing value for option --latency-ms", "between 0 and 65535");
    }

    @Test
    void printsUsageForHelpAndExitsZero() {
        var launch = launch("--help");

        assertThat(launch.exitStatus()).isZero();
        assertThat(launch.simulator()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--token-delay-ms");
    }

    @Test
    void defaultsToPort9100OnLoopback() {
        var commandLine = CommandLine.parse(java.util.List.of("--latency-ms", "5"));

        assertThat(commandLine.options()).isEqualTo(new SimulatorOptions("127.0.0.1", 9100, 5, 0, 0, 1, 0));
    }

    @Test
    void readsTheStreamingKnobs() {
        var commandLine = CommandLine.parse(java.util.List.of("--answer-tokens", "100", "--chunk-chars", "7",
                "--token-delay-ms", "20"));

        assertThat(commandLine.options()).isEqualTo(SimulatorOptions.defaults().withPort(9100).withAnswerTokens(100)
                .withChunkChars(7).withTokenDelayMs(20));
    }

    @Test
    void refusesAChunkSizeOfZero() {
        assertThat(launch("--chunk-words", "0").exitStatus()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--chunk-words must be at least 1");
    }

    @Test
    void startsAndAnnouncesTheEndpoint() {
        var launch = launch("--port", "0", "--token-delay-ms", "2");

        try (var simulator = launch.simulator().orElseThrow()) {
            assertThat(out.toString(StandardCharsets.UTF_8).trim())
                    .isEqualTo("Bedrock simulator listening on http://127.0.0.1:" + simulator.port());
        }
    }
}
