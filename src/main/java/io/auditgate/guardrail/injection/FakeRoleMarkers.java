package io.auditgate.guardrail.injection;

import static io.auditgate.guardrail.injection.Cue.cue;
import static io.auditgate.guardrail.injection.Cue.lead;

import java.util.List;

/**
 * Delimiter and fake-role injection: chat-template tokens, role labels at the start of a line, fake
 * end-of-input markers and JSON role objects that try to make user text look like it came from the system.
 */
final class FakeRoleMarkers {

    private static final String LINE_START = "(?:^|\\n) ?";
    private static final String ROLE = "(?:system|assistant|admin|administrator|developer|root|ai)";
    private static final List<String> ROLES = List.of("system", "assistant", "admin", "developer", "root", "ai");

    static final PhraseCheck CHECK = new PhraseCheck(Technique.FAKE_ROLE_DELIMITER, List.of(
            lead(0.8, List.of("<|"), "<\\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id"
                    + "|start_header_id|end_header_id|begin_of_text|end_of_text)\\|>"),
            lead(0.7, List.of("[inst]", "[/inst]", "[sys]", "[/sys]", "<<sys>>", "<</sys>>"),
                    "\\[/?(?:inst|sys)\\]|<</?sys>>"),
            lead(0.6, List.of("[system", "[admin", "[developer"),
                    "\\[(?:system|admin|developer)(?: message| note| override| prompt)?\\]"),
            lead(0.6, List.of("<"), "</?(?:system|user|assistant|admin|developer|instructions?|system_prompt"
                    + "|user_input|human)>"),
            cue(0.6, List.of("#"), LINE_START + "#{1,6} ?" + ROLE + "(?: prompt| message| override"
                    + "| instructions?)? ?:?(?:\\n|$)"),
            cue(0.6, ROLES, LINE_START + ROLE + " (?:prompt|message|override|instructions?|note|update"
                    + "|directive) ?:"),
            cue(0.45, List.of("system", "admin", "developer"), LINE_START + "(?:system|admin|developer) ?:"),
            cue(0.35, List.of("assistant"), LINE_START + "assistant ?:"),
            lead(0.5, List.of("system ", "admin ", "developer ", "security "), "\\b(?:system|admin|developer"
                    + "|security) (?:override|message|notice|instruction|directive|prompt)s? ?:"),
            lead(0.55, List.of("end of", "user input", "input", "begin", "start of"), "\\b(?:end of (?:the )?"
                    + "(?:user )?(?:input|prompt|user message|query)|(?:user )?input (?:ends|ended) here"
                    + "|begin(?:ning)? (?:of )?(?:new |system |admin )(?:instructions|prompt|message)"
                    + "|(?:start|beginning) of (?:system|admin) (?:prompt|message|instructions))\\b"),
            cue(0.7, List.of("role"), "[\"']role[\"'] ?: ?[\"'](?:system|developer)[\"']"),
            cue(0.4, List.of("role"), "[\"']role[\"'] ?: ?[\"']assistant[\"']"),
            // exactly three: the cue is tried at every "---" of a run, so the last three of it match; "-{3,}" there
            // ran on to the end of the run at every one, quadratic in a run of thousands of dashes
            lead(0.55, List.of("---", "===", "***", "###"), "(?:-{3}|={3}|\\*{3}|#{3}) ?(?:system|admin"
                    + "|developer|new instructions|end of)\\b"),
            lead(0.6, List.of("```"), "```(?:system|instructions)\\b")),
            List.of());

    private FakeRoleMarkers() {
    }
}
