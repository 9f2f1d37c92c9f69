package io.auditgate.guardrail.injection;

import static io.auditgate.guardrail.injection.Cue.cue;
import static io.auditgate.guardrail.injection.Cue.lead;
import static io.auditgate.guardrail.injection.OverridePhrases.GAP;

import java.util.List;

/**
 * Role-play jailbreaks: personas such as DAN or "developer mode", and requests to act as an assistant
 * without rules. "Act as a reviewer" alone is ordinary; it is the absence of rules that is the cue.
 */
final class RolePlayPhrases {

    private static final List<String> UNRULED_ANCHORS = List.of("without", "with no", "no ", "free of",
            "free from", "not bound", "unbound", "ignoring", "unrestricted", "unfiltered", "uncensored", "amoral",
            "unethical", "unaligned");
    private static final String UNRULED = "\\b(?:(?:without|with no|no|free of|free from|not bound by|unbound by"
            + "|no longer bound by|ignoring) (?:any |all |the )?(?:restrictions|rules|limits|limitations|filters"
            + "|guidelines|ethics|morals|policies|censorship|boundaries|guardrails|safety|safeguards)"
            + "|unrestricted|unfiltered|uncensored|amoral|unethical|unaligned)\\b";
    private static final List<String> DISABLE = List.of("bypass", "disable", "turn off", "deactivate", "ignore",
            "remove", "override", "lift");
    private static final String SAFEGUARDS = "(?:filters?|guardrails|safeguards|censorship|restrictions"
            + "|guidelines|rules|content policy)\\b";
    private static final List<String> REFUSE_TO_FOLLOW = List.of("do not", "don't", "never", "doesn't",
            "does not", "no longer");

    static final PhraseCheck CHECK = new PhraseCheck(Technique.ROLE_PLAY_JAILBREAK, List.of(
            cue(0.7, List.of("dan"), "\\b(?:you are|you're|you will be|act as|become|enable|activate|pretend to be"
                    + "|roleplay as|role-play as|play|switch to|enter) (?:now )?(?:a |an |the )?dan\\b"),
            lead(0.75, List.of("do anything now"), "\\bdo anything now\\b"),
            lead(0.7, List.of("dan "), "\\bdan (?:mode|prompt|jailbreak|persona)\\b"),
            lead(0.45, List.of("developer mode"), "\\bdeveloper mode\\b"),
            cue(0.35, List.of(" mode"), "\\b(?:developer|dan|jailbreak|god|sudo|admin|debug|unrestricted) mode "
                    + "(?:is )?(?:now )?(?:enabled|activated|unlocked)\\b"),
            lead(0.45, List.of("jailbreak"), "\\bjailbreak(?:s|ed|ing)?\\b"),
            lead(0.7, List.of("pretend"), "\\bpretend(?:ing)? (?:that )?(?:you are|you're|to be|you have"
                    + "|you were)\\b" + GAP + "{0,50}" + UNRULED),
            lead(0.7, List.of("act ", "behave", "respond", "answer", "operate", "reply", "roleplay", "role-play",
                    "talk "), "\\b(?:act|behave|respond|answer|operate|reply|roleplay|role-play|talk) (?:as|like)\\b"
                    + GAP + "{0,50}" + UNRULED),
            lead(0.25, UNRULED_ANCHORS, UNRULED),
            lead(0.6, List.of("unrestricted", "unfiltered", "uncensored", "unaligned", "amoral", "jailbroken",
                    "evil", "rogue"), "\\b(?:unrestricted|unfiltered|uncensored|unaligned|amoral|jailbroken|evil"
                    + "|rogue) (?:ai|assistant|model|version|chatbot|llm|bot|persona|character|confidant|twin)\\b"),
            lead(0.6, List.of("you are", "you have been"), "\\byou (?:are|have been) (?:now )?(?:freed|liberated"
                    + "|released|unchained|unleashed|free from)\\b"),
            lead(0.5, REFUSE_TO_FOLLOW, "\\b(?:do not|don't|never|doesn't|does not|no longer) (?:have to |need to )?"
                    + "(?:follow|obey|adhere to|abide by|care about|respect) (?:any |your |openai's |anthropic's "
                    + "|amazon's )?(?:rules|policies|guidelines|content polic(?:y|ies)|restrictions|ethics"
                    + "|ethical guidelines|safety guidelines|filters)\\b"),
            lead(0.6, DISABLE, "\\b(?:bypass|disable|turn off|deactivate|ignore|remove|override|lift) (?:all "
                    + "(?:of )?)?your (?:safety |content |ethical |moral )?" + SAFEGUARDS),
            lead(0.5, DISABLE, "\\b(?:bypass|disable|turn off|deactivate|ignore|override) (?:the |all |any )?"
                    + "(?:safety|ethical|moral) " + SAFEGUARDS),
            cue(0.4, List.of("refuse", "decline"), "\\byou (?:can|will|must|should|shall) (?:never|not) "
                    + "(?:refuse|decline)\\b"),
            lead(0.35, List.of("stay in character"), "\\bstay in character\\b"),
            cue(0.6, List.of("grand"), "\\b(?:pretend|act|roleplay|role-play)\\b" + GAP + "{0,30}\\bmy "
                    + "(?:deceased|late|dead) (?:grandmother|grandma|granny)\\b")),
            List.of(lead(0.7, List.of("doanythingnow", "developermodeenabled", "danmodeenabled"),
                    "(?:doanythingnow|developermodeenabled|danmodeenabled)")));

    private RolePlayPhrases() {
    }
}
