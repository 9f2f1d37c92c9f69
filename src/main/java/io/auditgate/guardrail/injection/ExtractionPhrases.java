package io.auditgate.guardrail.injection;

import static io.auditgate.guardrail.injection.Cue.cue;
import static io.auditgate.guardrail.injection.Cue.lead;
import static io.auditgate.guardrail.injection.OverridePhrases.GAP;
import static io.auditgate.guardrail.injection.OverridePhrases.NOT_NEGATED;

import java.util.List;

/**
 * System-prompt extraction: requests to repeat the hidden instructions or the text before the user's. A negated
 * request ("never reveal your system prompt", "you must not disclose these instructions") is what a defensive system
 * prompt says, not an attack, so the dump, ask and copy verbs do not count right after "not", "n't" or "never".
 */
final class ExtractionPhrases {

    private static final String HIDDEN = "(?:(?:full|entire|exact|complete|original|hidden|secret|initial"
            + "|internal|current|whole|very first) ){0,2}(?:system prompt|system message|system instructions?"
            + "|initial instructions|initial prompt|original instructions|original prompt|hidden instructions"
            + "|hidden prompt|secret instructions|internal instructions|pre-?prompt|developer (?:message"
            + "|instructions|prompt)|instructions you were given|rules you were given|prompt you were given"
            + "|first instructions)\\b";
    private static final List<String> DUMP = List.of("repeat", "print", "reveal", "display", "output", "disclose",
            "recite", "dump", "leak", "echo", "type out", "spell out", "write out", "paste", "expose");
    private static final List<String> ASK = List.of("show", "tell", "give", "share", "list", "summari",
            "translate", "what is", "what are", "what was", "what were");
    private static final List<String> COPY = List.of("repeat", "print", "output", "reveal", "show", "recite",
            "copy", "echo", "display", "write out", "paste");

    static final PhraseCheck CHECK = new PhraseCheck(Technique.SYSTEM_PROMPT_EXTRACTION, List.of(
            lead(0.75, DUMP, NOT_NEGATED + "\\b(?:repeat|print|reveal|display|output|disclose|recite|dump|leak|echo"
                    + "|type out|spell out|write out|paste|expose)\\b" + GAP + "{0,30}\\b(?:your|the|its) " + HIDDEN),
            lead(0.7, ASK, NOT_NEGATED + "\\b(?:show|tell|give|share|list|summari[sz]e|translate"
                    + "|what (?:is|are|was|were))\\b" + GAP + "{0,30}\\byour " + HIDDEN),
            lead(0.7, COPY, NOT_NEGATED + "\\b(?:repeat|print|output|reveal|show|recite|copy|echo|display"
                    + "|write out|paste)\\b" + GAP + "{0,25}\\b(?:text|words|everything|content|instructions|messages?"
                    + "|lines|prompt|all) (?:above|before this|preceding|prior to this|that came before"
                    + "|before my message|you were given)"),
            cue(0.7, List.of("initiali"), "\\b(?:output|print|repeat|show) (?:your |the )?initiali[sz]ation\\b"),
            cue(0.55, List.of("you are"), "\\b(?:starting|beginning|begin) (?:with|from|at) [\"']?you are\\b"),
            lead(0.45, List.of("what were", "what are", "what have"), "\\bwhat (?:were|are|have) you (?:been )?"
                    + "(?:told|instructed|programmed|configured|prompted)\\b"),
            cue(0.6, List.of("what you"), "\\b(?:tell me|show me|list|repeat|explain|describe) what you (?:were"
                    + "|have been) (?:told|instructed|programmed|configured|prompted)\\b"),
            lead(0.4, List.of("your "), "\\byour " + HIDDEN),
            cue(0.4, List.of("verbatim"), "\\b(?:instructions|prompt|above)\\b" + GAP + "{0,25}\\bverbatim\\b")),
            List.of(lead(0.75, List.of("reveal", "print", "repeat", "show", "display", "output", "tellme",
                    "giveme", "disclose", "leak", "dump"), "(?<!dont)(?<!not)(?<!never)(?:reveal|print|repeat|show"
                    + "|display|output|tellme|giveme|disclose|leak|dump)(?:me)?(?:your|the)(?:full|entire|exact"
                    + "|original|hidden|secret|initial)?(?:systemprompt|systemmessage|initialinstructions|initialprompt"
                    + "|originalinstructions|hiddeninstructions)")));

    private ExtractionPhrases() {
    }
}
