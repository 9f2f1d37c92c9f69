package io.auditgate.guardrail.injection;

/**
 * The prompt-injection techniques the detector recognises. The constant names are what logs and audit
 * records carry; they are stable identifiers, so rename only with a schema change.
 */
public enum Technique {
    /** "Ignore all previous instructions", "new instructions:", "from now on you will", text addressed to the AI. */
    INSTRUCTION_OVERRIDE,
    /** DAN, "developer mode", "pretend you are an AI without restrictions", "act as ... with no rules". */
    ROLE_PLAY_JAILBREAK,
    /** "Repeat your system prompt", "print the text above", "what were you told". */
    SYSTEM_PROMPT_EXTRACTION,
    /** Fake chat-template or role markers: "System:", "### system", "<|im_start|>", "[INST]", "</user>", JSON roles. */
    FAKE_ROLE_DELIMITER,
    /** A base64 run that decodes to readable text which itself scores as an injection. */
    BASE64_PAYLOAD,
    /** A hex run that decodes to readable text which itself scores as an injection. */
    HEX_PAYLOAD,
    /** Unicode tag characters (U+E0000..U+E007F) outside emoji flag sequences: invisible ASCII. */
    UNICODE_TAG_CHARACTERS,
    /** Zero-width characters inside Latin words, or bidirectional override/isolate controls. */
    INVISIBLE_CHARACTERS,
    /** Key words hidden by leetspeak ("1gn0re") or spacing ("i g n o r e"). */
    OBFUSCATED_KEYWORDS
}
