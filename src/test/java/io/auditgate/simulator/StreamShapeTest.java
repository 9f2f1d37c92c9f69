package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

class StreamShapeTest {

    private static final String VALUE = "4111 1111 1111 1111";

    @RegisterExtension
    final SimulatorFixture simulator = new SimulatorFixture();

    private static ConverseStreamRequest question(String text, String... headers) {
        return ConverseStreamRequest.builder().modelId(SdkClients.HAIKU).messages(ConverseTest.user(text))
                .overrideConfiguration(o -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        o.putHeader(headers[i], headers[i + 1]);
                    }
                }).build();
    }

    private void script(String json) throws Exception {
        assertThat(SdkClients.admin(simulator.endpoint(), "POST", "/_sim/answers", json).statusCode())
                .isEqualTo(204);
    }

    @Test
    void answersWithTheRequestedNumberOfTokens() throws Exception {
        var seen = StreamRecorder.run(simulator.async(), question("How do tides work?", "x-sim-answer-tokens", "100"))
                .finished();

        assertThat(seen.text()).hasSize(400).startsWith("Simulated answer from ");
        assertThat(seen.metadata.usage().outputTokens()).isEqualTo(100);
        assertThat(seen.stopReason).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void cutsDeltasByCharactersOrWordsPerRequest() throws Exception {
        var byChars = StreamRecorder.run(simulator.async(), question("How do tides work?", "x-sim-chunk-chars", "7"))
                .finished();
        var byWords = StreamRecorder.run(simulator.async(), question("How do tides work?", "x-sim-chunk-words", "3"))
                .finished();

        assertThat(byChars.textDeltas.subList(0, byChars.textDeltas.size() - 1))
                .allSatisfy(delta -> assertThat(delta).hasSize(7));
        assertThat(byWords.textDeltas.get(0).trim().split(" ")).hasSize(3);
        assertThat(byChars.text()).isEqualTo(byWords.text());
    }

    @Test
    void serverOptionsShapeEveryStream() throws Exception {
        try (var shaped = BedrockSimulator.start(SimulatorOptions.defaults().withAnswerTokens(25).withChunkChars(10)
                .withTokenDelayMs(20));
             var client = SdkClients.async(shaped.endpoint())) {
            var seen = StreamRecorder.run(client, question("How do tides work?")).finished();

            assertThat(seen.textDeltas).hasSize(10).allSatisfy(delta -> assertThat(delta).hasSize(10));
            assertThat(seen.deltaNanos.get(9) - seen.deltaNanos.get(0)).isGreaterThanOrEqualTo(9 * 15_000_000L);
        }
    }

    @Test
    void pausesBetweenDeltasAsTheRequestAsks() throws Exception {
        var seen = StreamRecorder.run(simulator.async(), question("How do tides work?", "x-sim-token-delay-ms", "40",
                "x-sim-chunk-words", "4")).finished();

        long total = seen.deltaNanos.getLast() - seen.deltaNanos.getFirst();
        assertThat(total).isGreaterThanOrEqualTo((seen.deltaNanos.size() - 1) * 35_000_000L);
    }

    @Test
    void splitsAValueAtEveryPositionAcrossTwoChunks() throws Exception {
        for (int cut = 1; cut < VALUE.length(); cut++) {
            List<String> chunks = List.of("Card " + VALUE.substring(0, cut), VALUE.substring(cut) + " ok.");
            script(chunksJson(chunks));

            var seen = StreamRecorder.run(simulator.async(), question("Which card?")).finished();

            assertThat(seen.textDeltas).as("cut at %d", cut).isEqualTo(chunks);
        }
    }

    @Test
    void splitsAValueAcrossThreeChunks() throws Exception {
        var chunks = List.of("Card 4111 11", "11 1111 ", "1111 ok.");
        script(chunksJson(chunks));

        var seen = StreamRecorder.run(simulator.async(), question("Which card?")).finished();

        assertThat(seen.textDeltas).isEqualTo(chunks);
        assertThat(seen.metadata.usage().outputTokens()).isEqualTo(Completion.tokens(String.join("", chunks).length()));
    }

    @Test
    void emitsAScriptedTextOneCharacterPerDelta() throws Exception {
        script("{\"text\":\"Card " + VALUE + ".\",\"chunkChars\":1}");

        var seen = StreamRecorder.run(simulator.async(), question("Which card?")).finished();

        assertThat(seen.textDeltas).hasSize(VALUE.length() + 6).allSatisfy(delta -> assertThat(delta).hasSize(1));
        assertThat(seen.text()).isEqualTo("Card " + VALUE + ".");
    }

    @Test
    void givesTheScriptedTextToConverseToo() throws Exception {
        script("{\"chunks\":[\"Exact \",\"answer.\"]}");

        try (BedrockRuntimeClient sync = SdkClients.sync(simulator.endpoint())) {
            var response = sync.converse(r -> r.modelId(SdkClients.HAIKU).messages(ConverseTest.user("Hi there")));

            assertThat(response.output().message().content().get(0).text()).isEqualTo("Exact answer.");
        }
    }

    @Test
    void usesAScriptOnlyForMatchingRequestsAndOnlyAsOftenAsAsked() throws Exception {
        script("{\"text\":\"Scripted.\",\"times\":2,\"promptContains\":\"scripted please\"}");

        var other = StreamRecorder.run(simulator.async(), question("How do tides work?")).finished();
        var first = StreamRecorder.run(simulator.async(), question("scripted please")).finished();
        var second = StreamRecorder.run(simulator.async(), question("scripted please")).finished();
        var third = StreamRecorder.run(simulator.async(), question("scripted please")).finished();

        assertThat(other.text()).startsWith("Simulated answer");
        assertThat(List.of(first.text(), second.text())).containsOnly("Scripted.");
        assertThat(third.text()).startsWith("Simulated answer");
    }

    @Test
    void keepsTheScriptedBoundariesWhenMaxTokensCutsTheText() throws Exception {
        script("{\"chunks\":[\"abcdef\",\"ghijkl\",\"mnop\"]}");

        var seen = StreamRecorder.run(simulator.async(), question("Which card?").toBuilder()
                .inferenceConfig(c -> c.maxTokens(2)).build()).finished();

        assertThat(seen.textDeltas).containsExactly("abcdef", "gh");
        assertThat(seen.stopReason).isEqualTo(StopReason.MAX_TOKENS);
    }

    @Test
    void forgetsScriptsOnDelete() throws Exception {
        script("{\"text\":\"Scripted.\",\"times\":-1}");
        assertThat(SdkClients.admin(simulator.endpoint(), "DELETE", "/_sim/answers", null).statusCode())
                .isEqualTo(204);

        assertThat(StreamRecorder.run(simulator.async(), question("Hi")).finished().text())
                .startsWith("Simulated answer");
    }

    @Test
    void refusesABadScript() throws Exception {
        var both = SdkClients.admin(simulator.endpoint(), "POST", "/_sim/answers",
                "{\"text\":\"a\",\"chunks\":[\"a\"]}");
        var empty = SdkClients.admin(simulator.endpoint(), "POST", "/_sim/answers", "{\"chunks\":[\"a\",\"\"]}");
        var zero = SdkClients.admin(simulator.endpoint(), "POST", "/_sim/answers", "{\"chunkChars\":0}");

        assertThat(List.of(both.statusCode(), empty.statusCode(), zero.statusCode())).containsOnly(400);
    }

    private static String chunksJson(List<String> chunks) {
        List<String> quoted = new ArrayList<>();
        chunks.forEach(chunk -> quoted.add("\"" + chunk + "\""));
        return "{\"chunks\":[" + String.join(",", quoted) + "]}";
    }
}
