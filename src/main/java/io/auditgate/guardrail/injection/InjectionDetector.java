package io.auditgate.guardrail.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Screens a prompt for prompt-injection techniques with heuristics: no model, no network, no state.
 *
 * <p>The text is normalised (NFKC, invisible characters removed, case-folded, accents and look-alike letters
 * folded, spaced-out letters joined, leetspeak undone, whitespace collapsed) and every check in {@link #CHECKS}
 * runs on it. Checks that decode hidden text (base64, hex, tag characters) rescan it with all checks, up to
 * {@value #MAX_DEPTH} levels deep. The signals combine as a noisy-OR into a score in [0, 1]; see
 * {@link InjectionAssessment}. Work is linear in the text length and decoding is bounded per text.
 *
 * <p>Thread-safe: one instance may serve all requests. This is a screening layer with known evasions
 * (paraphrase, other languages, ciphers); it does not prove a prompt safe.
 */
public final class InjectionDetector {

    /** Payloads decoded from payloads decoded from the prompt are still scanned; deeper ones are not. */
    static final int MAX_DEPTH = 2;

    static final List<Check> CHECKS = List.of(
            OverridePhrases.CHECK,
            RolePlayPhrases.CHECK,
            ExtractionPhrases.CHECK,
            FakeRoleMarkers.CHECK,
            new ObfuscationCheck(),
            new InvisibleCharacterCheck(),
            new TagCharacterCheck(),
            new EncodedPayloadCheck(Encoding.BASE64),
            new EncodedPayloadCheck(Encoding.HEX));

    /** The anchors of every phrase cue, per view, searched in one pass of each view. */
    static final AnchorSearch PLAIN_ANCHORS = anchors(PhraseCheck::cues);
    static final AnchorSearch SQUASHED_ANCHORS = anchors(PhraseCheck::compactCues);

    private static AnchorSearch anchors(Function<PhraseCheck, List<Cue>> cues) {
        return AnchorSearch.of(CHECKS.stream()
                .filter(PhraseCheck.class::isInstance)
                .map(PhraseCheck.class::cast)
                .flatMap(check -> cues.apply(check).stream())
                .flatMap(cue -> cue.anchors().stream())
                .toList());
    }

    /**
     * Assesses one text.
     *
     * @param text the prompt as the caller sent it, any length; empty text scores 0
     * @return the score and the techniques seen, which never include any of the text
     * @throws NullPointerException if text is null
     */
    public InjectionAssessment assess(String text) {
        return assess(text, () -> { });
    }

    /**
     * Assesses one text, running {@code checkpoint} before each check, also of decoded payloads. The checkpoint may
     * throw to abandon the assessment, for example when a request's screening budget is spent; the exception reaches
     * the caller.
     *
     * @throws NullPointerException if text or checkpoint is null
     */
    public InjectionAssessment assess(String text, Runnable checkpoint) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checkpoint, "checkpoint");
        return scan(text, 0, checkpoint);
    }

    private InjectionAssessment scan(String text, int depth, Runnable checkpoint) {
        var scanned = ScannedText.of(text, PLAIN_ANCHORS, SQUASHED_ANCHORS);
        Check.Rescan rescan = depth < MAX_DEPTH ? hidden -> scan(hidden, depth + 1, checkpoint).score()
                : hidden -> 0.0;
        var signals = new ArrayList<InjectionSignal>();
        for (Check check : CHECKS) {
            checkpoint.run();
            check.inspect(scanned, rescan).ifPresent(signals::add);
        }
        return InjectionAssessment.of(signals);
    }
}
