package io.auditgate.simulator;

import java.util.List;

/**
 * What the simulated guardrail found in a text.
 *
 * @param deniedWords the denied words found (as configured, lower case)
 * @param emails      the e-mail addresses found
 * @param characters  how many characters were assessed
 * @param latencyMs   how long the assessment took
 */
record GuardrailVerdict(List<String> deniedWords, List<String> emails, int characters, long latencyMs) {

    GuardrailVerdict {
        deniedWords = List.copyOf(deniedWords);
        emails = List.copyOf(emails);
    }

    boolean intervened() {
        return !deniedWords.isEmpty() || !emails.isEmpty();
    }
}
