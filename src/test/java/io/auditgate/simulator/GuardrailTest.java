package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailPiiEntityType;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailSensitiveInformationPolicyAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailWordPolicyAction;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

class GuardrailTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private ConverseResponse guarded(String guardrail, String question) {
        return simulator.sync().converse(r -> r.modelId(SdkClients.HAIKU).messages(ConverseTest.user(question))
                .guardrailConfig(g -> g.guardrailIdentifier(guardrail).guardrailVersion("1")
                        .trace(GuardrailTrace.ENABLED)));
    }

    @Test
    void intervenesOnTheDeniedWordAndAnEmailWithATypedTrace() {
        var response = guarded("sim-guardrail", "Say ForbiddenWord to jane.doe@example.com");

        assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
        assertThat(response.output().message().content().get(0).text())
                .isEqualTo("Sorry, the model cannot answer this question.");
        assertThat(response.usage().inputTokens()).isPositive();
        var assessment = response.trace().guardrail().inputAssessment().get("sim-guardrail");
        assertThat(assessment.wordPolicy().customWords()).singleElement().satisfies(word -> {
            assertThat(word.match()).isEqualTo("forbiddenword");
            assertThat(word.action()).isEqualTo(GuardrailWordPolicyAction.BLOCKED);
        });
        assertThat(assessment.sensitiveInformationPolicy().piiEntities()).singleElement().satisfies(pii -> {
            assertThat(pii.match()).isEqualTo("jane.doe@example.com");
            assertThat(pii.type()).isEqualTo(GuardrailPiiEntityType.EMAIL);
            assertThat(pii.action()).isEqualTo(GuardrailSensitiveInformationPolicyAction.BLOCKED);
        });
        assertThat(assessment.invocationMetrics().usage().wordPolicyUnits()).isEqualTo(1);
    }

    @Test
    void letsCleanInputThroughWithAnEmptyAssessment() {
        var response = guarded("sim-guardrail", "What is the boiling point of water?");

        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        var assessment = response.trace().guardrail().inputAssessment().get("sim-guardrail");
        assertThat(assessment.wordPolicy()).isNull();
        assertThat(assessment.sensitiveInformationPolicy()).isNull();
    }

    @Test
    void omitsTheTraceWhenTheRequestDidNotAskForIt() {
        var response = simulator.sync().converse(r -> r.modelId(SdkClients.HAIKU)
                .messages(ConverseTest.user("forbiddenword"))
                .guardrailConfig(g -> g.guardrailIdentifier("sim-guardrail").guardrailVersion("DRAFT")));

        assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
        assertThat(response.trace()).isNull();
    }

    @Test
    void treatsAnyOtherGuardrailAsMissing() {
        assertThatThrownBy(() -> guarded("my-guardrail", "hello"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void intervenesInAStreamWithTheTraceInTheMetadata() throws Exception {
        var metadata = new ConverseStreamMetadataEvent[1];
        var stopReason = new StopReason[1];
        var handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onMessageStop(e -> stopReason[0] = e.stopReason())
                        .onMetadata(e -> metadata[0] = e).build())
                .build();
        simulator.async().converseStream(ConverseStreamRequest.builder().modelId(SdkClients.HAIKU)
                .messages(ConverseTest.user("mail me at bob@example.org"))
                .guardrailConfig(g -> g.guardrailIdentifier("sim-guardrail").guardrailVersion("1")
                        .trace(GuardrailTrace.ENABLED))
                .build(), handler).get(10, TimeUnit.SECONDS);

        assertThat(stopReason[0]).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
        assertThat(metadata[0].trace().guardrail().inputAssessment().get("sim-guardrail")
                .sensitiveInformationPolicy().piiEntities()).hasSize(1);
    }

    private ApplyGuardrailResponse apply(String text) {
        return simulator.sync().applyGuardrail(r -> r.guardrailIdentifier("sim-guardrail").guardrailVersion("1")
                .source(GuardrailContentSource.INPUT)
                .content(GuardrailContentBlock.builder().text(t -> t.text(text)).build()));
    }

    @Test
    void applyGuardrailPassesCleanText() {
        var response = apply("A perfectly harmless sentence.");

        assertThat(response.action()).isEqualTo(GuardrailAction.NONE);
        assertThat(response.outputs()).isEmpty();
        assertThat(response.assessments()).hasSize(1);
        assertThat(response.usage().wordPolicyUnits()).isEqualTo(1);
    }

    @Test
    void applyGuardrailBlocksAnEmailWithItsAssessment() {
        var response = apply("Contact alice@example.com for details.");

        assertThat(response.action()).isEqualTo(GuardrailAction.GUARDRAIL_INTERVENED);
        assertThat(response.outputs()).singleElement()
                .satisfies(o -> assertThat(o.text()).isEqualTo("Sorry, the model cannot answer this question."));
        assertThat(response.assessments().get(0).sensitiveInformationPolicy().piiEntities()).singleElement()
                .satisfies(pii -> assertThat(pii.match()).isEqualTo("alice@example.com"));
        assertThat(response.guardrailCoverage().textCharacters().total()).isEqualTo(38);
    }

    @Test
    void applyGuardrailRejectsAnUnknownGuardrail() {
        assertThatThrownBy(() -> simulator.sync().applyGuardrail(r -> r.guardrailIdentifier("nope").guardrailVersion("1")
                .source(GuardrailContentSource.OUTPUT)
                .content(GuardrailContentBlock.builder().text(t -> t.text("hi")).build())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
