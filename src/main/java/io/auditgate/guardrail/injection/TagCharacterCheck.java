package io.auditgate.guardrail.injection;

import java.util.Optional;

/**
 * Unicode tag characters (U+E0000..U+E007F) mirror ASCII but render as nothing, so a model can read what a
 * reviewer cannot see. Their presence is strong evidence on its own; the hidden ASCII is decoded and rescanned.
 * Emoji subdivision flags (U+1F3F4, up to {@value #MAX_FLAG_TAGS} lower-case or digit tags, CANCEL TAG, as
 * in the flag of Scotland) are the one legitimate use and are skipped; a longer "flag" counts as hidden text.
 */
final class TagCharacterCheck implements Check {

    private static final int TAG_FIRST = 0xE0000;
    private static final int TAG_LAST = 0xE007F;
    private static final int CANCEL_TAG = 0xE007F;
    private static final int WAVING_BLACK_FLAG = 0x1F3F4;
    private static final int MAX_FLAG_TAGS = 6;
    /** The high surrogate of every tag character, so texts without one are skipped with one indexOf. */
    private static final char TAG_HIGH_SURROGATE = '\uDB40';
    private static final int MAX_DECODED = 8192;
    private static final double PRESENCE = 0.6;

    @Override
    public Optional<InjectionSignal> inspect(ScannedText text, Rescan rescan) {
        String raw = text.raw();
        if (raw.indexOf(TAG_HIGH_SURROGATE) < 0) {
            return Optional.empty();
        }
        var hidden = new StringBuilder();
        var flag = new StringBuilder();
        boolean inFlag = false;
        int tags = 0;
        int flagTags = 0;
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            int cp = raw.codePointAt(i);
            boolean tag = cp >= TAG_FIRST && cp <= TAG_LAST;
            if (inFlag && tag && (cp == CANCEL_TAG || isFlagTag(cp) && flagTags < MAX_FLAG_TAGS)) {
                flag.appendCodePoint(cp);
                flagTags++;
                inFlag = cp != CANCEL_TAG;
                continue;
            }
            if (inFlag) {
                tags += reveal(flag, hidden);
            }
            inFlag = cp == WAVING_BLACK_FLAG;
            flag.setLength(0);
            flagTags = 0;
            if (tag) {
                tags++;
                append(cp, hidden);
            }
        }
        if (inFlag) {
            tags += reveal(flag, hidden);
        }
        return tags == 0 ? Optional.empty()
                : Optional.of(new InjectionSignal(Technique.UNICODE_TAG_CHARACTERS,
                        InjectionAssessment.combine(PRESENCE, rescan.score(hidden.toString()))));
    }

    private static boolean isFlagTag(int cp) {
        return cp >= 0xE0061 && cp <= 0xE007A || cp >= 0xE0030 && cp <= 0xE0039;
    }

    /** Tags that began like a flag but did not end like one are hidden text after all. */
    private static int reveal(StringBuilder flag, StringBuilder hidden) {
        flag.codePoints().forEach(cp -> append(cp, hidden));
        return flag.codePointCount(0, flag.length());
    }

    private static void append(int tag, StringBuilder hidden) {
        if (tag >= 0xE0020 && tag <= 0xE007E && hidden.length() < MAX_DECODED) {
            hidden.append((char) (tag - TAG_FIRST));
        }
    }
}
