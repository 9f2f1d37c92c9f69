package io.auditgate.guardrail.pii;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Screens one streamed answer as it arrives: {@link #accept} takes each text delta and returns what may be sent now,
 * masked; {@link #finish} returns the rest. What is held back is only the text after the last {@link CutPoints cut}:
 * a cut lies at a space or line break that no value can span, once enough has been read after it to settle what lies
 * before it. For prose that is the last word or two; next to numbers, IBANs and NINOs it is the value's longest shape
 * plus {@value CutPoints#AFTER_CONTEXT} characters, about 120 in all. Only an unbroken run (a URL, a JWT, a PEM block
 * up to its END line) is held until it ends, and never more than {@value #MAX_HELD} characters: past that the
 * screener stops with {@link Stop#HOLD_LIMIT} rather than let out text it cannot judge.
 *
 * <p>The released texts, joined, are exactly {@link PiiScreen#screen(String, PiiPolicy, Placeholders)}'s
 * {@code modelText} and {@code recordText} for the whole answer, with the same placeholders, and {@link #tallies()}
 * is its {@code tallies}, however the answer was chunked: each piece is screened together with the
 * {@value #CONTEXT} characters released before it (the context words' windows reach 80 back) and everything held
 * after it. A type whose action is {@link PiiAction#BLOCK} stops the stream with {@link Stop#BLOCKED} when its value
 * is settled, and nothing of that value has been released then; the tallies count what was read up to there.
 *
 * <p>One instance per answer; not thread-safe (a stream's deltas arrive in order, on one thread at a time). Each
 * screening pass covers the held text and the context, and a pass runs only once the held text has grown by a
 * quarter of that (at least {@value #MIN_STEP} characters), so each character is scanned a bounded number of times.
 */
public final class StreamScreen {

    /** Why the screener let nothing more out. */
    public enum Stop { BLOCKED, HOLD_LIMIT }

    /** Normalised characters of released text kept in front of the held text, for context words. */
    static final int CONTEXT = 96;
    static final int MIN_STEP = 32;
    static final int MAX_HELD = 16 * 1024;

    private final PiiDetector detector;
    private final PiiPolicy policy;
    private final Placeholders placeholders;
    private final boolean everyDelta;
    private final StringBuilder held = new StringBuilder();
    private final EnumMap<PiiType, Tally> tallies = new EnumMap<>(PiiType.class);
    private final EnumSet<PiiType> blocked = EnumSet.noneOf(PiiType.class);
    private String context = "";
    private int sincePass;
    private Stop stop;
    private boolean finished;

    /** {@code placeholders} is the request's: the answer goes on numbering where the prompt stopped. */
    public StreamScreen(PiiDetector detector, PiiPolicy policy, Placeholders placeholders) {
        this(detector, policy, placeholders, false);
    }

    /** With {@code everyDelta}, a screening pass after every delta: the hardest case for the cuts, for tests. */
    StreamScreen(PiiDetector detector, PiiPolicy policy, Placeholders placeholders, boolean everyDelta) {
        this.everyDelta = everyDelta;
        this.detector = Objects.requireNonNull(detector, "detector");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
    }

    /**
     * Takes the next delta; returns what may be sent now (often nothing). Once stopped, returns nothing.
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public Release accept(CharSequence delta) {
        Objects.requireNonNull(delta, "delta");
        requireOpen();
        if (stop != null) {
            return Release.NOTHING;
        }
        held.append(delta);
        sincePass += delta.length();
        if (!everyDelta && sincePass < Math.max(MIN_STEP, (context.length() + held.length()) / 4)) {
            return Release.NOTHING;
        }
        sincePass = 0;
        var release = screen(false);
        if (stop == null && held.length() > MAX_HELD) {
            stop = Stop.HOLD_LIMIT;
        }
        return release;
    }

    /**
     * Ends the stream: returns everything still held, screened, or nothing if the screener has stopped (or stops
     * now, on a value of a blocked type).
     *
     * @throws IllegalStateException if called twice
     */
    public Release finish() {
        requireOpen();
        finished = true;
        return stop != null || held.isEmpty() ? Release.NOTHING : screen(true);
    }

    /** True while text is held back: a stream may send a heartbeat instead. */
    public boolean isHolding() {
        return stop == null && !held.isEmpty();
    }

    /** How many characters are held back now. */
    public int held() {
        return stop == null ? held.length() : 0;
    }

    public Optional<Stop> stopped() {
        return Optional.ofNullable(stop);
    }

    public boolean isBlocked() {
        return stop == Stop.BLOCKED;
    }

    /** Per type found so far, the action and the count, in type order; never values. */
    public Map<PiiType, Tally> tallies() {
        return Collections.unmodifiableMap(new EnumMap<>(tallies));
    }

    /** The types found whose action is {@link PiiAction#BLOCK}, in type order. */
    public Set<PiiType> blocked() {
        return blocked.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(blocked));
    }

    /** Screens context and held text together and lets out what lies before the latest cut (all of it at the end). */
    private Release screen(boolean end) {
        String window = context + held;
        int from = context.length();
        var findings = detector.detect(window);
        int cut = end ? window.length() : CutPoints.latest(NormalisedText.of(window), from, findings);
        if (cut <= from) {
            return Release.NOTHING;
        }
        var release = mask(window, from, cut, findings);
        if (!blocked.isEmpty()) {
            stop = Stop.BLOCKED;
            return Release.NOTHING;
        }
        held.delete(0, cut - from);
        context = keptContext(window.substring(0, cut));
        return release;
    }

    /** {@code window[from, cut)} with its findings replaced, tallied in order, as {@code PiiScreen} does. */
    private Release mask(String window, int from, int cut, List<PiiFinding> findings) {
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

    /** The shortest tail of {@code released} that still reads as {@value #CONTEXT} characters once normalised. */
    private static String keptContext(String released) {
        for (int keep = 2 * CONTEXT; keep < released.length(); keep *= 2) {
            String tail = released.substring(released.length() - keep);
            if (NormalisedText.of(tail).text().length() > CONTEXT) {
                return tail;
            }
        }
        return released;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
    }
}
