package io.auditgate.guardrail.injection;

import static io.auditgate.guardrail.injection.Cue.cue;
import static io.auditgate.guardrail.injection.Cue.lead;

import java.util.List;

/**
 * Instruction override: attempts to cancel the instructions the model was given, in English, German,
 * French, Spanish, Italian and Portuguese, plus text in documents that addresses the AI reading it.
 */
final class OverridePhrases {

    /** Within one clause: no sentence end, semicolon or line break. */
    static final String GAP = "[^.!?;\\n]";
    private static final List<String> VERBS = List.of("ignor", "disregard", "forget", "overrid", "overwrit",
            "bypass", "discard", "abandon", "nullify", "set aside", "throw out");
    /** Not right after "not", "n't" or "never": "don't forget the previous instructions" is no attack. */
    static final String NOT_NEGATED = "(?<!n't )(?<!not )(?<!never )";
    private static final String CANCEL = "\\b(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override"
            + "|overriding|overwrite|bypass|discard|abandon|nullify|set aside|throw out)\\b";
    private static final String EARLIER = "\\b(?:previous|previously|prior|preceding|above|earlier|former"
            + "|original|initial|existing|foregoing|system|developer|safety|all (?:of )?(?:your|the|my))\\b";
    private static final String ORDERS = "\\b(?:instructions?|directions|directives?|guidelines|rules|prompts?"
            + "|commands|guidance|programming|constraints|restrictions|orders)\\b";
    private static final String TO_THE_AI = "(?:an? |the )?(?:ai|assistant|chatbot|language model|llm"
            + "|large language model|gpt|claude|copilot|bot)\\b";

    static final PhraseCheck CHECK = new PhraseCheck(Technique.INSTRUCTION_OVERRIDE, List.of(
            lead(0.75, VERBS, NOT_NEGATED + CANCEL + GAP + "{0,30}" + EARLIER + GAP + "{0,12}" + ORDERS),
            lead(0.55, VERBS, NOT_NEGATED + CANCEL + GAP + "{0,12}\\byour\\b" + GAP + "{0,12}" + ORDERS),
            lead(0.75, VERBS, CANCEL + " (?:everything|anything|all) (?:above|before|prior|previously|said"
                    + "|written|you were told|you've been told|you have been told|that came before)"),
            lead(0.7, VERBS, NOT_NEGATED + CANCEL + " (?:the |all of the |everything )?(?:above|preceding"
                    + "|foregoing|previous)(?: text| message| prompt| content| instructions)?,? and (?:instead"
                    + "|now|just|only|simply)\\b"),
            lead(0.7, VERBS, NOT_NEGATED + CANCEL + GAP + "{0,30}" + ORDERS + " (?:above|before this"
                    + "|given (?:above|earlier|before)|you (?:were|have been) given)"),
            lead(0.45, VERBS, NOT_NEGATED + CANCEL + GAP + "{0,25}\\b(?:rules|policies|guidelines|safeguards"
                    + "|controls|restrictions)\\b"),
            lead(0.55, List.of("do not", "don't", "stop", "no longer"), "\\b(?:do not|don't|stop|no longer) "
                    + "(?:follow|obey|adhere to|comply with|listen to)\\b" + GAP + "{0,20}\\b(?:previous|prior"
                    + "|above|original|initial|system|earlier|your) (?:instructions|rules|guidelines|directives"
                    + "|prompt|programming)"),
            lead(0.4, List.of("new "), "\\bnew (?:instructions|rules|directives|task|orders|system prompt) ?:"),
            cue(0.25, List.of("new instructions"), "(?:^|\\n|[.!:] )new instructions ?:"),
            lead(0.4, List.of("from now on"), "\\bfrom now on,? you(?: will|'ll| are| must| shall| should| can)\\b"),
            lead(0.5, List.of("your "), "\\byour (?:new|real|true|actual|only) (?:instructions|task|purpose|goal"
                    + "|objective|role|job|mission) (?:is|are|will be|now)\\b"),
            lead(0.4, List.of("above", "previous", "prior", "preceding", "earlier"), "\\b(?:above|previous|prior"
                    + "|preceding|earlier) (?:instructions|rules|directives) (?:are|were|is|have been) (?:void"
                    + "|cancelled|canceled|revoked|obsolete|fake|invalid|overridden|null)"),
            lead(0.55, List.of("if you", "attention", "note to", "message to", "instruction"), "\\b(?:if you are"
                    + "|if you're|attention|note to|message to|instructions? (?:to|for)) " + TO_THE_AI),
            cue(0.55, List.of(" this"), "\\b(?:ai|assistant|llm|language model|model|chatbot)s? (?:reading"
                    + "|processing|summari[sz]ing|analy[sz]ing) this\\b"),
            lead(0.55, List.of("decode", "decipher"), "\\b(?:decode|decipher)\\b" + GAP + "{0,40}\\b(?:and|then) "
                    + "(?:follow|execute|obey|run|carry out|act on)\\b(?! up)"),
            lead(0.4, List.of("comply with", "obey", "execute"), "\\b(?:comply with|obey|execute) (?:all|any"
                    + "|every) (?:requests?|commands?|instructions?)\\b"),
            lead(0.75, List.of("ignorier", "vergiss", "vergessen sie", "missachte"), "\\b(?:ignorier\\w{0,3}"
                    + "|vergiss|vergessen sie|missachte\\w{0,2})\\b" + GAP + "{0,30}\\b(?:vorherigen|vorigen"
                    + "|bisherigen|obigen|fruheren|alle|deine|ihre)\\b" + GAP + "{0,15}\\b(?:anweisungen"
                    + "|instruktionen|befehle|regeln|vorgaben)\\b"),
            lead(0.75, List.of("ignore", "oublie", "ne tiens", "ne tenez"), "\\b(?:ignore[rz]?|oublie[rz]?"
                    + "|ne tiens pas compte|ne tenez pas compte)\\b" + GAP + "{0,30}\\b(?:instructions|consignes"
                    + "|regles)\\b" + GAP + "{0,20}\\b(?:precedentes|anterieures|ci-dessus|initiales|d'avant)\\b"),
            lead(0.75, List.of("ignor", "olvid", "omite", "esquec", "dimentica"), "\\b(?:ignora|ignore|ignoren"
                    + "|olvida|olvide|olvidate|omite|esquece|esqueca|dimentica)\\b" + GAP + "{0,30}\\b"
                    + "(?:instrucciones|istruzioni|instrucoes|reglas|regole)\\b" + GAP + "{0,20}\\b(?:anteriores"
                    + "|previas|precedentes|precedenti|de arriba|sopra)\\b")),
            List.of(lead(0.75, List.of("ignore", "disregard", "forget", "override", "bypass"), "(?<!dont)"
                    + "(?<!donot)(?<!never)(?:ignore|disregard|forget|override|bypass)(?:all|any|every)?(?:of)?"
                    + "(?:the|your|my|these|those)?(?:previous|prior|above|earlier|preceding|former|original"
                    + "|initial)(?:instructions?|rules|directions|directives|guidelines|prompts?|commands)")));

    private OverridePhrases() {
    }
}
