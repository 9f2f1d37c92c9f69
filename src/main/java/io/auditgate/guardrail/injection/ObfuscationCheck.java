package io.auditgate.guardrail.injection;

import java.util.Optional;

/**
 * Key words disguised with leetspeak or spacing. Disguising "ignore" or "system" has no business purpose, but
 * the disguise alone does not say what the text asks for, so the weight is moderate; the phrase checks see
 * the undone text and add their own signal.
 */
final class ObfuscationCheck implements Check {

    private static final double DISGUISED_KEY_WORD = 0.4;

    @Override
    public Optional<InjectionSignal> inspect(ScannedText text, Rescan rescan) {
        return text.obfuscated()
                ? Optional.of(new InjectionSignal(Technique.OBFUSCATED_KEYWORDS, DISGUISED_KEY_WORD))
                : Optional.empty();
    }
}
