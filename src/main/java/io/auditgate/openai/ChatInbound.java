package io.auditgate.openai;

import io.auditgate.auth.Credential;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.core.AnswerEvents;
import io.auditgate.core.Inbound;
import io.auditgate.http.JsonBody;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * The parts of a {@code POST /v1/chat/completions} the core asks for, in its order: the credential headers, then
 * (authenticated) the body read ({@link JsonBody}) and mapped ({@link ChatCompletionsParser}), the usage-chunk
 * option handed to the stream before it opens, then the stream itself.
 */
final class ChatInbound implements Inbound {

    private final HttpServletRequest request;
    private final String requestId;
    private final ChunkEvents events;
    private final JsonBody body;
    private final ChatCompletionsParser parser;

    ChatInbound(HttpServletRequest request, String requestId, ChunkEvents events, JsonBody body,
                ChatCompletionsParser parser) {
        this.request = request;
        this.requestId = requestId;
        this.events = events;
        this.body = body;
        this.parser = parser;
    }

    @Override
    public Credential credential() {
        return OpenAiServlet.credential(request);
    }

    @Override
    public ChatRequest request() {
        var json = body.read(request.getContentType(), request.getHeader("Content-Length"), input(),
                parser.maxBodyBytes());
        var parsed = parser.parse(json, requestId);
        events.includeUsage(parsed.includeUsage());
        return parsed.request();
    }

    @Override
    public AnswerEvents events() {
        return events;
    }

    private InputStream input() {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new GatewayException(ProblemType.INVALID_JSON, "The request body could not be read completely.");
        }
    }
}
