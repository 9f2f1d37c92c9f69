package io.auditgate.guardrail.pii;

import java.util.List;

/** Test shorthand: what the detector found, as "TYPE:value" strings cut from the original text. */
final class Detection {

    private static final PiiDetector DETECTOR = new PiiDetector();

    private Detection() {
    }

    static List<String> of(String text) {
        return DETECTOR.detect(text).stream()
                .map(f -> f.type() + ":" + text.substring(f.start(), f.end()))
                .toList();
    }
}
