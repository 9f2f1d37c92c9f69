package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds PII in text. Thread-safe and stateless: one instance serves all requests. The text is first normalised to
 * what a model reads ({@link NormalisedText}: digits of every script as ASCII, format characters, marks and
 * variation selectors dropped, tabs and runs of spaces as one space, NFKC), so {@code ٤١١١ ١١١١ ...}, a card with
 * U+2062 between its digits or an e-mail split by U+200B is still found; offsets in the result always point into
 * the text as given.
 *
 * <p>Recognizers only propose candidates with regexes; each one is kept only if a validator accepts it (Luhn,
 * mod-97, ABA, mod-11, libphonenumber, Commons Validator) and, for weak patterns, a context word precedes it.
 * Overlapping findings are resolved so that the longest, then the most specific, wins. Every recognizer runs in time
 * linear in the text ({@code RecognizersRunInLinearTimeTest}).
 */
public final class PiiDetector {

    private static final List<Recognizer> RECOGNIZERS = List.of(
            new PrivateKeyRecognizer(),
            new BearerTokenRecognizer(),
            new AwsKeyRecognizer(),
            new EmailRecognizer(),
            new IbanRecognizer(),
            new CardRecognizer(),
            new SsnRecognizer(),
            new RoutingNumberRecognizer(),
            new NhsNumberRecognizer(),
            new NinoRecognizer(),
            new IpAddressRecognizer(),
            new MacAddressRecognizer(),
            new PhoneRecognizer());

    private final Runnable checkpoint;

    public PiiDetector() {
        this(() -> { });
    }

    private PiiDetector(Runnable checkpoint) {
        this.checkpoint = checkpoint;
    }

    /**
     * A detector that runs {@code checkpoint} before each recognizer. The checkpoint may throw to abandon detection,
     * for example when a request's screening budget is spent; the exception reaches the caller of {@link #detect}.
     * Cheap to make: the recognizers are shared.
     */
    public PiiDetector withCheckpoint(Runnable checkpoint) {
        return new PiiDetector(Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    /**
     * Returns the findings in {@code text}, ordered by start offset and never overlapping.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public List<PiiFinding> detect(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return List.of();
        }
        var normalised = NormalisedText.of(text);
        var tokens = Tokens.of(normalised.text());
        var candidates = new ArrayList<Candidate>();
        for (Recognizer recognizer : RECOGNIZERS) {
            checkpoint.run();
            recognizer.scan(tokens, candidates);
        }
        var findings = new ArrayList<PiiFinding>(candidates.size());
        for (Candidate candidate : Overlaps.resolve(candidates)) {
            findings.add(new PiiFinding(candidate.type(), normalised.originalStart(candidate.start()),
                    normalised.originalEnd(candidate.end())));
        }
        return List.copyOf(findings);
    }
}
