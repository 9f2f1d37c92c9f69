package io.auditgate.guardrail.pii;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Screens one streamed answer as it arrives: {@link #accept} takes each text delta and returns what may be sent now,
 * masked; {@link #finish} returns the rest. What is held back is only the text after the last {@link CutPoints cut}:
 * a cut lies at a space or line break that no value can span, once enough has been read after it to settle what lies
 * before it. In prose that is the last words, under 100 characters. Next to values it is at most the longest shape
 * that can run across spaces (an IBAN candidate, 64 characters) plus {@value CutPoints#AFTER_CONTEXT} characters
 * after a number of nine digits or more (a routing or NHS number's context word may follow it), plus the text read
 * since the last pass: about 110 + 120, never the whole answer. Only an unbroken run (a URL, a JWT, a PEM block up
 * to its END line, a list of numbers joined by single spaces) is held until it ends, and never more than
 * {@value #MAX_HELD} characters: past that the screener stops with {@link Stop#HOLD_LIMIT} rather than let out text
 * it cannot judge.
 *
 * <p>The released texts, joined, are exactly {@link PiiScreen#screen(String, PiiPolicy, Placeholders)}'s
 * {@code modelText} and {@code recordText} for the whole answer, with the same placeholders, and {@link #tallies()}
 * is its {@code tallies}, however the answer was chunked: each piece is screened together with the last
 * {@value #CONTEXT} characters released before it (the context words' windows reach 80 back) and everything held
 * after it. A type whose action is {@link PiiAction#BLOCK} stops the stream with {@link Stop#BLOCKED} once its value
 * is settled, and nothing of that value has been released then; the tallies count what was read up to there.
 *
 * <p>One instance per answer; not thread-safe (a stream's deltas arrive in order, on one thread at a time). A
 * screening pass covers the held text and the context, and the next pass waits until half as much again has
 * arrived (at least {@value #MIN_STEP} characters), so each character is screened about three times in all: linear
 * in the answer. Two kinds of early pass keep a slow stream moving while at most {@value #EAGER_HELD} characters are
 * held, each at a delta that brings a gap: until the first text is let out (the client's time to first token is the
 * model's plus the word or two a cut needs, not a fixed step), and once {@value #PAUSE_NANOS} ns have passed since
 * the last pass (a model slower than a step per 150 ms); each costs a pass over at most {@value #CONTEXT} +
 * {@value #EAGER_HELD} characters, the second kind a few times a second at most. The whole-answer screen's cap on
 * libphonenumber calls is per pass here, so a caller bounds a
 * stream's CPU time by passing a detector {@link PiiDetector#withCheckpoint with a budget checkpoint}.
 */
public final class StreamScreen {

    /** Why the screener let nothing more out. */
    public enum Stop { BLOCKED, HOLD_LIMIT }

    /** Normalised characters of released text kept in front of the held text, for context words. */
    static final int CONTEXT = 96;
    static final int MIN_STEP = 32;
    /** A pass at the next gap once this long has passed since the last one, while little is held. */
    static final long PAUSE_NANOS = 150_000_000L;
    /** Held text up to which a pass follows every delta with a gap until the first release: one cheap pass each. */
    static final int EAGER_HELD = 256;
    static final int MAX_HELD = 16 * 1024;

    private final PiiDetector detector;
    private final PieceMasking masking;
    private final boolean everyDelta;
    private final StringBuilder held = new StringBuilder();
    private String context = "";
    private int sincePass;
    private int step = MIN_STEP;
    private boolean released;
    private long lastPassNanos = System.nanoTime();
    private Stop stop;
    private boolean finished;
    private long screened;

    /** {@code placeholders} is the request's: the answer goes on numbering where the prompt stopped. */
    public StreamScreen(PiiDetector detector, PiiPolicy policy, Placeholders placeholders) {
        this(detector, policy, placeholders, false);
    }

    /** With {@code everyDelta}, a screening pass after every delta: the hardest case for the cuts, for tests. */
    StreamScreen(PiiDetector detector, PiiPolicy policy, Placeholders placeholders, boolean everyDelta) {
        this.everyDelta = everyDelta;
        this.detector = Objects.requireNonNull(detector, "detector");
        this.masking = new PieceMasking(policy, placeholders);
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
        if (!everyDelta && sincePass < step && held.length() <= MAX_HELD && !passDue(delta)) {
            return Release.NOTHING;
        }
        var release = screen(false);
        sincePass = 0;
        step = Math.max(MIN_STEP, (context.length() + held.length()) / 2);
        released |= !release.text().isEmpty();
        lastPassNanos = System.nanoTime();
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
        return masking.tallies();
    }

    /** Characters handed to the detector so far, over all passes: the screener's work, linear in the answer. */
    long screenedChars() {
        return screened;
    }

    /** The types found whose action is {@link PiiAction#BLOCK}, in type order. */
    public Set<PiiType> blocked() {
        return masking.blocked();
    }

    /**
     * An early pass: little is held, this delta brings a gap after which a cut may now lie, and nothing has been let
     * out yet (the first words) or the last pass was {@value #PAUSE_NANOS} ns ago (a slow model's words).
     */
    private boolean passDue(CharSequence delta) {
        if (held.length() > EAGER_HELD || !hasGap(delta)) {
            return false;
        }
        return !released || System.nanoTime() - lastPassNanos >= PAUSE_NANOS;
    }

    private static boolean hasGap(CharSequence delta) {
        for (int i = 0; i < delta.length(); i++) {
            if (Character.isWhitespace(delta.charAt(i)) || Character.isSpaceChar(delta.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Screens context and held text together and lets out what lies before the latest cut (all of it at the end). */
    private Release screen(boolean end) {
        String window = context + held;
        if (!end && !window.isEmpty() && Character.isHighSurrogate(window.charAt(window.length() - 1))) {
            window = window.substring(0, window.length() - 1); // half a character: not known yet what it reads as
        }
        int from = context.length();
        screened += window.length();
        var findings = detector.detect(window);
        int cut = end ? window.length() : CutPoints.latest(NormalisedText.of(window), from, findings);
        if (cut <= from) {
            return Release.NOTHING;
        }
        var release = masking.mask(window, from, cut, findings);
        if (masking.blocks()) {
            stop = Stop.BLOCKED;
            return Release.NOTHING;
        }
        held.delete(0, cut - from);
        context = keptContext(window.substring(0, cut));
        return release;
    }

    /**
     * The shortest tail of {@code released} that still reads as {@value #CONTEXT} characters once normalised, with
     * its digits and dashes blanked out. The context is there for the words before a value, and none of them holds a
     * digit or a dash. Without digits, the next pass does not validate the context's phone numbers (libphonenumber,
     * tens of microseconds a call) all over again; without dashes, a tail that begins inside a released PEM block
     * cannot show a header whose block would seem to run on into the held text.
     */
    private static String keptContext(String released) {
        String tail = released;
        for (int keep = CONTEXT + CONTEXT / 4; keep < released.length(); keep *= 2) {
            String candidate = released.substring(released.length() - keep);
            if (NormalisedText.of(candidate).text().length() >= CONTEXT) {
                tail = candidate;
                break;
            }
        }
        var blanked = new StringBuilder(tail.length());
        tail.chars().forEach(c -> blanked.append(isBlanked(c) ? '_' : (char) c));
        return blanked.toString();
    }

    /** A digit of any script or a character NFKC may turn into one (superscripts, circled digits), or a dash. */
    private static boolean isBlanked(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.OTHER_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.DASH_PUNCTUATION || c == '\u2212'
                || c == '\uFE63' || c == '\uFF0D';
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
    }
}
