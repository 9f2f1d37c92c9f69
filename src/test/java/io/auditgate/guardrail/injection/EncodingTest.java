package io.auditgate.guardrail.injection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cheap pre-check never hides a run the pattern would find. */
class EncodingTest {

    /** Base64-like, hex-like and mixed text; the last characters of each break runs of both kinds. */
    private static final String[] ALPHABETS = {"abcxyzABCXYZ0189+/_-=.", "0123456789abcdefABCDEFx\\ :,-g.",
            "abcdefxyzABCDEFXYZ0123456789+/_-=\\ :,.!?\n\u00e9\u0660\uff21"};

    @Test
    void noRunIsMissedByThePreCheck() {
        var random = new Random(6);
        int found = 0;
        for (int n = 0; n < 200_000; n++) {
            var text = new StringBuilder();
            var alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (var encoding : Encoding.values()) {
                boolean finds = encoding.run().matcher(text).find();
                if (finds) {
                    found++;
                    assertTrue(encoding.mayHoldRun(text), () -> encoding + " pre-check missed a run in " + text);
                }
            }
        }
        assertTrue(found > 1_000, "the generator makes runs: " + found);
    }

    @Test
    void ordinaryProseHoldsNoRun() {
        var prose = "Please summarise the attached claim for policy 4471, filed on 3 March; the adjuster's notes "
                + "say the roof was replaced in 2019 and the damage is limited to the east-facing windows.";
        for (var encoding : Encoding.values()) {
            assertFalse(encoding.mayHoldRun(prose), encoding::name);
        }
    }
}
