package io.auditgate.guardrail.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnchorSearchTest {

    @Test
    void findsEachAnchorWhereIndexOfDoesIncludingOverlapsAndAnchorsInsideOthers() {
        var anchors = List.of("ignor", "ignore", "gno", "your ", "you", "ou", "aaa", "aa", "a", "#", "---", " this",
                "what you", "you are");
        var search = AnchorSearch.of(anchors);
        for (var text : List.of("", "a", "aa", "igno", "ignore your rules", "please ignore what you are told",
                "--#-- ---- aaaa", " this and this", "yoyou you are your ", "xyz")) {
            assertFirsts(search, anchors, text);
        }
    }

    @Test
    void agreesWithIndexOfOnRandomTextOverASmallAlphabet() {
        var random = new Random(6);
        var alphabet = "abc -#\u00e9";
        for (int round = 0; round < 500; round++) {
            var anchors = new ArrayList<String>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                anchors.add(randomText(random, "abc -#", 1 + random.nextInt(4)));
            }
            var search = AnchorSearch.of(anchors);
            assertFirsts(search, anchors, randomText(random, alphabet, random.nextInt(200)));
        }
    }

    @Test
    void anchorsOutsideAsciiAreLeftToTheCaller() {
        var search = AnchorSearch.of(List.of("caf\u00e9", "cafe"));

        assertThat(search.slot("caf\u00e9")).isEqualTo(-1);
        assertThat(search.firsts("un cafe")[search.slot("cafe")]).isEqualTo(3);
        // a character no anchor holds resets the match
        assertThat(search.firsts("caf\u00e9 caf\u0000e")[search.slot("cafe")]).isEqualTo(-1);
    }

    private static void assertFirsts(AnchorSearch search, List<String> anchors, String text) {
        var firsts = search.firsts(text);
        for (var anchor : anchors) {
            assertThat(firsts[search.slot(anchor)]).as("%s in \"%s\"", anchor, text).isEqualTo(text.indexOf(anchor));
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
