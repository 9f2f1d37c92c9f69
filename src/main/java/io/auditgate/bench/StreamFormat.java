package io.auditgate.bench;

/**
 * The three streamed answers the benchmark reads, each turned into {@link StreamEvents}: AuditGate's
 * {@code /invoke} server-sent events ({@code start}, {@code delta}, {@code end}, {@code error}; heartbeat comments),
 * OpenAI's chat-completion chunks as Portkey sends them ({@code data: {…"delta":{"content":"…"}…}}, ending with
 * {@code data: [DONE]}; a chunk whose object is an {@code error} is one) and Bedrock ConverseStream's binary event
 * stream.
 */
enum StreamFormat {

    SSE_INVOKE("sse-invoke") {
        @Override
        BodySink parser(StreamEvents events) {
            return new SseParser((name, data) -> {
                switch (name) {
                    case "delta" -> {
                        if (!data.contains("\"text\":\"\"")) {
                            events.delta();
                        }
                    }
                    case "end" -> events.end();
                    case "error" -> events.error();
                    default -> {
                        // start
                    }
                }
            });
        }
    },
    SSE_OPENAI("sse-openai") {
        @Override
        BodySink parser(StreamEvents events) {
            return new SseParser((name, data) -> {
                if (data.equals("[DONE]")) {
                    events.end();
                } else if (data.startsWith("{\"error\"")) {
                    events.error();
                } else if (hasContent(data)) {
                    events.delta();
                }
            });
        }
    },
    EVENTSTREAM("eventstream") {
        @Override
        BodySink parser(StreamEvents events) {
            return new EventStreamParser(events);
        }
    };

    private final String option;

    StreamFormat(String option) {
        this.option = option;
    }

    /** A fresh parser for one response body. */
    abstract BodySink parser(StreamEvents events);

    /** The format named on the command line: {@code sse-invoke}, {@code sse-openai} or {@code eventstream}. */
    static StreamFormat named(String option) {
        for (var format : values()) {
            if (format.option.equals(option)) {
                return format;
            }
        }
        throw new IllegalArgumentException("--format must be sse-invoke, sse-openai or eventstream: " + option);
    }

    /** An OpenAI chunk whose delta has at least one character of content (the first chunk often has only a role). */
    private static boolean hasContent(String chunk) {
        int content = chunk.indexOf("\"content\":\"");
        return content >= 0 && content + 11 < chunk.length() && chunk.charAt(content + 11) != '"';
    }
}
