package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams an answer through a {@link StreamScreen} in given chunks and compares the result with screening the whole
 * answer at once, the way a non-streamed answer is screened.
 */
final class Streaming {

    private static final PiiDetector DETECTOR = new PiiDetector();

    /** What one stream let out, and what the whole-answer screen says. */
    record Outcome(String text, String recordText, List<String> releases, StreamScreen screen, Screened whole) {

        /** The joined releases are the whole answer's screening, placeholders, record and tallies included. */
        void matchesTheWholeAnswer() {
            assertThat(screen.stopped()).isEmpty();
            assertThat(text).isEqualTo(whole.modelText());
            assertThat(recordText).isEqualTo(whole.recordText());
            assertThat(screen.tallies()).isEqualTo(whole.tallies());
            assertThat(screen.blocked()).isEqualTo(whole.blocked());
            assertThat(screen.isHolding()).isFalse();
        }
    }

    private Streaming() {
    }

    /** Splits {@code answer} before each of {@code cuts} (ascending offsets) and streams the pieces. */
    static Outcome split(String answer, PiiPolicy policy, boolean everyDelta, int... cuts) {
        var chunks = new ArrayList<String>();
        int from = 0;
        for (int cut : cuts) {
            chunks.add(answer.substring(from, cut));
            from = cut;
        }
        chunks.add(answer.substring(from));
        return stream(answer, chunks, policy, everyDelta);
    }

    /** One character (UTF-16 unit) per chunk. */
    static Outcome byCharacter(String answer, PiiPolicy policy) {
        var chunks = new ArrayList<String>(answer.length());
        for (int i = 0; i < answer.length(); i++) {
            chunks.add(answer.substring(i, i + 1));
        }
        return stream(answer, chunks, policy, true);
    }

    static Outcome stream(String answer, List<String> chunks, PiiPolicy policy, boolean everyDelta) {
        var screen = new StreamScreen(DETECTOR, policy, new Placeholders(), everyDelta);
        var text = new StringBuilder();
        var record = new StringBuilder();
        var releases = new ArrayList<String>();
        for (String chunk : chunks) {
            add(screen.accept(chunk), text, record, releases);
        }
        add(screen.finish(), text, record, releases);
        var whole = new PiiScreen(DETECTOR).screen(answer, policy, new Placeholders());
        return new Outcome(text.toString(), record.toString(), releases, screen, whole);
    }

    private static void add(Release release, StringBuilder text, StringBuilder record, List<String> releases) {
        if (!release.isEmpty()) {
            text.append(release.text());
            record.append(release.recordText());
            releases.add(release.text());
        }
    }
}
