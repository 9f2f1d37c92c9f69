package io.auditgate.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.guardrail.injection.InjectionPolicy;
import io.auditgate.guardrail.pii.PiiAction;
import io.auditgate.guardrail.pii.PiiPolicy;
import io.auditgate.guardrail.pii.PiiType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A streamed answer through the output guardrails: the same as the whole answer screened at once, however split. */
class AnswerStreamTest {

    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final Completion.Usage USAGE = new Completion.Usage(10, 20, 30);
    private final Guardrails guardrails = new Guardrails();

    private ScreenedPrompt prompt(GuardrailProfile profile) {
        return guardrails.screen(profile, new ChatRequest("r1", HAIKU, Optional.empty(),
                List.of(new ChatMessage(Role.USER, "My mail is jane.planted@example.com")),
                new Inference(null, null, null, List.of()), Map.of()));
    }

    private static Completion whole(String text) {
        return new Completion(HAIKU, text, "end_turn", USAGE, Optional.empty());
    }

    private static Completion end() {
        return new Completion(HAIKU, "", "end_turn", USAGE, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Write to ops.desk@example.org or call +44 20 7946 0958 today.",
            "Card 4111 1111 1111 1111 was charged; IBAN GB82 WEST 1234 5698 7654 32 refunded.",
            "Your reply went to jane.planted@example.com as asked."})
    void everySplitInTwoSendsWhatTheWholeAnswerWouldAndNeverTheRawValue(String answer) {
        var expected = guardrails.screen(prompt(GuardrailProfile.STANDARD), whole(answer));
        for (int cut = 0; cut <= answer.length(); cut++) {
            var stream = guardrails.stream(prompt(GuardrailProfile.STANDARD));
            var sent = new StringBuilder();
            sent.append(stream.accept(answer.substring(0, cut)));
            assertThat(expected.text()).startsWith(sent.toString());
            sent.append(stream.accept(answer.substring(cut)));
            sent.append(stream.finish());

            assertThat(sent.toString()).as("cut at %d", cut).isEqualTo(expected.text());
            var streamed = stream.answer(end());
            assertThat(streamed.recordText()).isEqualTo(expected.recordText());
            assertThat(streamed.report()).isEqualTo(expected.report());
        }
    }

    @Test
    void oneCharacterPerDeltaSendsTheSameAndTheAnswerContinuesThePromptsPlaceholders() {
        var answer = "Noted: jane.planted@example.com and ops.desk@example.org.";
        var expected = guardrails.screen(prompt(GuardrailProfile.STANDARD), whole(answer));
        var stream = guardrails.stream(prompt(GuardrailProfile.STANDARD));
        var sent = new StringBuilder();
        answer.chars().forEach(c -> sent.append(stream.accept(String.valueOf((char) c))));
        sent.append(stream.finish());

        assertThat(sent.toString()).isEqualTo(expected.text()).contains("[EMAIL_1]").contains("[EMAIL_2]")
                .doesNotContain("example");
    }

    @Test
    void aBlockedTypeStopsTheStreamBeforeAnyOfTheValueIsSent() {
        var profile = new GuardrailProfile("no-cards", PiiPolicy.maskAll(),
                PiiPolicy.of(Map.of(PiiType.CREDIT_DEBIT_CARD_NUMBER, PiiAction.BLOCK)), InjectionPolicy.DEFAULT,
                Optional.empty());
        var stream = guardrails.stream(prompt(profile));
        var sent = new StringBuilder();
        for (var piece : List.of("Your card is 4111 ", "1111 1111 ", "1111, as you asked. More text follows here.")) {
            sent.append(stream.accept(piece));
        }
        sent.append(stream.finish());

        assertThat(stream.isBlocked()).isTrue();
        assertThat(sent.toString()).doesNotContain("4111").doesNotContain("1111");
        var answer = stream.answer(end());
        assertThat(answer.status()).isEqualTo(GuardrailStatus.BLOCKED);
        assertThat(answer.report().output().findings()).extracting(Finding::type).contains("CREDIT_DEBIT_CARD_NUMBER");
    }
}
