package io.auditgate.floor;

import java.nio.charset.StandardCharsets;

/** The floor's answer: a JSON object of about 300 bytes, the size of a short gateway answer, naming the bytes read. */
final class Answer {

    private static final String HEAD = "{\"id\":\"floor-00000000-0000-0000-0000-000000000000\",\"model\":\"anthropic.claude-3-haiku-20240307-v1:0\","
            + "\"output\":\"This is a fixed answer of the stack floor benchmark: no pipeline, no upstream call, no audit.\","
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":256,\"output_tokens\":24,\"total_tokens\":280},"
            + "\"request_bytes\":";

    private Answer() {
    }

    static byte[] of(long requestBytes) {
        return (HEAD + requestBytes + "}").getBytes(StandardCharsets.UTF_8);
    }
}
