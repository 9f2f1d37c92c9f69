package io.auditgate.guardrail.pii;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Applies a {@link PiiPolicy} to one text: detects, then builds the text for the model and the fully masked text
 * for the audit record in one pass. Thread-safe; the per-request state lives in the {@link Placeholders} passed in.
 */
public final class PiiScreen {

    private final PiiDetector detector;

    public PiiScreen(PiiDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    public PiiScreen() {
        this(new PiiDetector());
    }

    /**
     * Screens {@code text}. Masked and blocked values become placeholders in {@code modelText}; allowed ones stay.
     * {@code recordText} has every finding replaced. Blocking does not throw: the caller decides from
     * {@link Screened#blocked()}.
     */
    public Screened screen(String text, PiiPolicy policy, Placeholders placeholders) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(placeholders, "placeholders");
        var findings = detector.detect(text);
        if (findings.isEmpty()) {
            return new Screened(text, text, java.util.Map.of(), java.util.Set.of());
        }
        var model = new StringBuilder(text.length());
        var record = new StringBuilder(text.length());
        var tallies = new EnumMap<PiiType, Tally>(PiiType.class);
        var blocked = EnumSet.noneOf(PiiType.class);
        int copied = 0;
        for (PiiFinding finding : findings) {
            String value = text.substring(finding.start(), finding.end());
            String placeholder = placeholders.placeholderFor(finding.type(), value);
            PiiAction action = policy.actionFor(finding.type());
            model.append(text, copied, finding.start()).append(action == PiiAction.ALLOW ? value : placeholder);
            record.append(text, copied, finding.start()).append(placeholder);
            copied = finding.end();
            tallies.merge(finding.type(), new Tally(action, 1), (old, one) -> old.plusOne());
            if (action == PiiAction.BLOCK) {
                blocked.add(finding.type());
            }
        }
        model.append(text, copied, text.length());
        record.append(text, copied, text.length());
        return new Screened(model.toString(), record.toString(), tallies, blocked);
    }
}
