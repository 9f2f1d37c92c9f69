package io.auditgate.guardrail.injection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A technique recognised by phrases. Cues found in the plain view combine as a noisy-OR, so several weak
 * cues add up; compact cues, matched against the letters-only view, catch the same phrases with their
 * spacing or punctuation mangled and set a floor rather than adding to the plain cues.
 *
 * @param technique   the technique the phrases indicate
 * @param cues        matched against {@link ScannedText#plain()}
 * @param compactCues matched against {@link ScannedText#squashed()}
 */
record PhraseCheck(Technique technique, List<Cue> cues, List<Cue> compactCues) implements Check {

    PhraseCheck {
        Objects.requireNonNull(technique, "technique");
        cues = List.copyOf(cues);
        compactCues = List.copyOf(compactCues);
    }

    @Override
    public Optional<InjectionSignal> inspect(ScannedText text, Rescan rescan) {
        double plain = InjectionAssessment.combine(cues.stream()
                .filter(cue -> cue.foundIn(text.plain()))
                .mapToDouble(Cue::weight)
                .toArray());
        double compact = compactCues.stream()
                .filter(cue -> cue.foundIn(text.squashed()))
                .mapToDouble(Cue::weight)
                .max()
                .orElse(0.0);
        double weight = Math.max(plain, compact);
        return weight > 0.0 ? Optional.of(new InjectionSignal(technique, weight)) : Optional.empty();
    }
}
