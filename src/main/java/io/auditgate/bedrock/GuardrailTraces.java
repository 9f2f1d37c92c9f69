package io.auditgate.bedrock;

import io.auditgate.conversation.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment;

/** Reads a Converse guardrail trace into {@link Completion.GuardrailTrace}: policy types and actions, never matches. */
final class GuardrailTraces {

    private GuardrailTraces() {
    }

    static Optional<Completion.GuardrailTrace> from(ConverseResponse response, boolean requested) {
        return from(response.trace() == null ? null : response.trace().guardrail(), response.stopReasonAsString(),
                requested);
    }

    /** The same for a stream: its {@code metadata} event's trace and its {@code messageStop}'s stop reason. */
    static Optional<Completion.GuardrailTrace> from(GuardrailTraceAssessment trace, String stopReason, boolean requested) {
        if (!requested) {
            return Optional.empty();
        }
        var assessed = new ArrayList<Completion.Assessed>();
        if (trace != null) {
            if (trace.hasInputAssessment()) {
                trace.inputAssessment().values().forEach(a -> collect(a, assessed));
            }
            if (trace.hasOutputAssessments()) {
                trace.outputAssessments().values().forEach(list -> list.forEach(a -> collect(a, assessed)));
            }
        }
        var intervened = Completion.GUARDRAIL_INTERVENED.equals(stopReason);
        return Optional.of(new Completion.GuardrailTrace(intervened, assessed));
    }

    private static void collect(GuardrailAssessment a, List<Completion.Assessed> out) {
        if (a.topicPolicy() != null) {
            a.topicPolicy().topics().forEach(t -> out.add(new Completion.Assessed("TOPIC:" + t.name(), t.actionAsString())));
        }
        if (a.contentPolicy() != null) {
            a.contentPolicy().filters().forEach(f -> out.add(new Completion.Assessed(f.typeAsString(), f.actionAsString())));
        }
        if (a.wordPolicy() != null) {
            a.wordPolicy().customWords().forEach(w -> out.add(new Completion.Assessed("CUSTOM_WORD", w.actionAsString())));
            a.wordPolicy().managedWordLists().forEach(w -> out.add(new Completion.Assessed(w.typeAsString(), w.actionAsString())));
        }
        if (a.sensitiveInformationPolicy() != null) {
            a.sensitiveInformationPolicy().piiEntities().forEach(p -> out.add(new Completion.Assessed(p.typeAsString(), p.actionAsString())));
            a.sensitiveInformationPolicy().regexes().forEach(r -> out.add(new Completion.Assessed("REGEX:" + r.name(), r.actionAsString())));
        }
        if (a.contextualGroundingPolicy() != null) {
            a.contextualGroundingPolicy().filters().forEach(f -> out.add(new Completion.Assessed(f.typeAsString(), f.actionAsString())));
        }
    }
}
