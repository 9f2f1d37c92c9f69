package io.auditgate.simulator;

/** Why the answer ended, with the wire value both Converse and the Anthropic Messages API use. */
enum StopReason {
    END_TURN("end_turn"),
    MAX_TOKENS("max_tokens"),
    STOP_SEQUENCE("stop_sequence"),
    GUARDRAIL_INTERVENED("guardrail_intervened"),
    TOOL_USE("tool_use");

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
