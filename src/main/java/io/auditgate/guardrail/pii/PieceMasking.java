package io.auditgate.guardrail.pii;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Masks the pieces of one streamed answer as {@link PiiScreen} masks a whole text, in order, and adds up what was
 * found: per type the action and the count, and the types to block. Never holds a value beyond the call.
 */
final class PieceMasking {

    private final PiiPolicy policy;
    private final Placeholders placeholders;
    private final EnumMap<PiiType, Tally> tallies = new EnumMap<>(PiiType.class);
    private final EnumSet<PiiType> blocked = EnumSet.noneOf(PiiType.class);

    PieceMasking(PiiPolicy policy, Placeholders placeholders) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
    }

    /** {@code window[from, cut)} with its findings replaced, tallied in order, as {@code PiiScreen} does. */
    Release mask(String window, int from, int cut, List<PiiFinding> findings) {
        var text = new StringBuilder(cut - from);
        var record = new StringBuilder(cut - from);
        int copied = from;
        for (PiiFinding finding : findings) {
            if (finding.end() <= from || finding.start() >= cut) {
                continue;
            }
            // a finding reaching back into released text cannot be settled by a cut; its rest is masked all the same
            int start = Math.max(finding.start(), from);
            String placeholder = placeholders.placeholderFor(finding.type(),
                    window.substring(finding.start(), finding.end()));
            PiiAction action = policy.actionFor(finding.type());
            text.append(window, copied, start)
                    .append(action == PiiAction.ALLOW ? window.substring(start, finding.end()) : placeholder);
            record.append(window, copied, start).append(placeholder);
            copied = finding.end();
            if (finding.start() >= from) {
                tallies.merge(finding.type(), new Tally(action, 1), (old, one) -> old.plusOne());
                if (action == PiiAction.BLOCK) {
                    blocked.add(finding.type());
                }
            }
        }
        text.append(window, copied, cut);
        record.append(window, copied, cut);
        return new Release(text.toString(), record.toString());
    }

    Map<PiiType, Tally> tallies() {
        return Collections.unmodifiableMap(new EnumMap<>(tallies));
    }

    boolean blocks() {
        return !blocked.isEmpty();
    }

    Set<PiiType> blocked() {
        return blocked.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(blocked));
    }
}
