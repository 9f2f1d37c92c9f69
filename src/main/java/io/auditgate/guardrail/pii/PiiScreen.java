package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link PiiPolicy} to the texts of one request: detects, then builds the text for the model and the fully
 * masked text for the audit record. Thread-safe; the per-request state lives in the {@link Placeholders} passed in.
 */
public final class PiiScreen {

    /** Stands between two texts of a conversation while they are scanned together, as a model reads them in a row. */
    private static final String BOUNDARY = " ";

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
        return screen(List.of(text), policy, placeholders).get(0);
    }

    /**
     * Screens the texts of one conversation, in the order the model reads them, as one text with a space between
     * each two, so that a value split across two consecutive texts (a card number's first half ending one message,
     * its second half starting the next) is found like a value written in one. Each text gets its own
     * {@link Screened}, in the same order; every piece of a split value becomes the value's one placeholder, and the
     * value is counted (and blocks) once, in the text where it starts. Context words count across texts too.
     *
     * @return one result per text, in order
     */
    public List<Screened> screen(List<String> texts, PiiPolicy policy, Placeholders placeholders) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(placeholders, "placeholders");
        var joined = new JoinedTexts(texts, BOUNDARY);
        var masks = new ArrayList<Masking>(joined.count());
        for (int part = 0; part < joined.count(); part++) {
            masks.add(new Masking(joined.text(part)));
        }
        for (PiiFinding finding : detector.detect(joined.joined())) {
            String value = joined.joined().substring(finding.start(), finding.end());
            String placeholder = placeholders.placeholderFor(finding.type(), value);
            PiiAction action = policy.actionFor(finding.type());
            boolean counted = false;
            for (int part = joined.partAt(finding.start()); joined.beginsBefore(part, finding.end()); part++) {
                int[] piece = joined.piece(part, finding);
                if (piece != null) {
                    masks.get(part).mask(piece, placeholder, action, counted ? null : finding.type());
                    counted = true;
                }
            }
        }
        return masks.stream().map(Masking::screened).toList();
    }

    /** One text's masking in progress: pieces arrive in order and never overlap. */
    private static final class Masking {

        private final String text;
        private final StringBuilder model;
        private final StringBuilder record;
        private final EnumMap<PiiType, Tally> tallies = new EnumMap<>(PiiType.class);
        private final EnumSet<PiiType> blocked = EnumSet.noneOf(PiiType.class);
        private int copied;
        private boolean masked;

        Masking(String text) {
            this.text = text;
            this.model = new StringBuilder(text.length());
            this.record = new StringBuilder(text.length());
        }

        /** Replaces {@code piece}; {@code counted} is the type to tally here, or null if tallied in an earlier text. */
        void mask(int[] piece, String placeholder, PiiAction action, PiiType counted) {
            model.append(text, copied, piece[0])
                    .append(action == PiiAction.ALLOW ? text.substring(piece[0], piece[1]) : placeholder);
            record.append(text, copied, piece[0]).append(placeholder);
            copied = piece[1];
            masked = true;
            if (counted != null) {
                tallies.merge(counted, new Tally(action, 1), (old, one) -> old.plusOne());
                if (action == PiiAction.BLOCK) {
                    blocked.add(counted);
                }
            }
        }

        Screened screened() {
            if (!masked) {
                return new Screened(text, text, tallies, blocked);
            }
            model.append(text, copied, text.length());
            record.append(text, copied, text.length());
            return new Screened(model.toString(), record.toString(), tallies, blocked);
        }
    }
}
