package io.auditgate.invoke;

import io.auditgate.auth.Credential;
import io.auditgate.auth.Credentials;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.core.AnswerEvents;
import io.auditgate.core.Gateway;
import io.auditgate.core.Inbound;
import io.auditgate.core.Reply;
import io.auditgate.http.AsyncWrite;
import io.auditgate.http.ClientOrigin;
import io.auditgate.http.IdHeaders;
import io.auditgate.http.JsonBody;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.ProblemWriter;
import io.auditgate.request.Exchange;
import io.auditgate.request.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;

/**
 * {@code POST /invoke}, the original API, as an adapter on each side of the {@link Gateway}: in, the route (404,
 * 405, 406), the credential headers, and the body (415, 413, 400) parsed into the neutral request; out, the
 * {@link Reply} as {@code /invoke}'s JSON or a problem document, with the request ids in the headers. A plain servlet
 * rather than JAX-RS: the same steps cost about a tenth of the gateway's CPU per request in Jersey's machinery
 * (docs/performance.md).
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1, asyncSupported = true)
public class InvokeServlet extends HttpServlet {

    static final String PATH = "/invoke";
    static final String SURFACE = "invoke";
    private static final String JSON = "application/json";
    private static final String API_KEY_HEADER = "x-api-key";

    @Inject
    transient Gateway gateway;

    @Inject
    transient ClientOrigin origin;

    @Inject
    transient JsonBody body;

    @Inject
    transient InvokeRequestParser parser;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var exchange = arrived(request, origin);
        // the error page, should the container fail this request after all, keeps its id and makes no second record
        request.setAttribute(Exchange.class.getName(), exchange);
        var async = request.startAsync();
        async.setTimeout(0); // the core's own deadlines (bedrock.timeout, audit.durable-timeout) end every request
        var events = new SseEvents(async);
        gateway.serve(exchange, new FromHttp(request, exchange.requestId(), events)).whenComplete((reply, failure) -> {
            if (events.isOpened()) { // a stream that began: its events were the whole response
                return;
            }
            if (failure != null) { // the core ends every request with a reply; only an Error escapes it
                async.complete();
                return;
            }
            AsyncWrite.start(async, prepare(reply, (HttpServletResponse) async.getResponse()));
        });
    }

    /** The request as it arrived: the client's headers bounded, its path and method kept only if safe. */
    private static Exchange arrived(HttpServletRequest request, ClientOrigin origin) {
        return Exchange.arrived(SURFACE, request.getMethod(), request.getRequestURI(), origin.of(request,
                Exchange.Client.of(request.getRemoteAddr(), request.getHeader("User-Agent"),
                        request.getHeader(RequestIds.HEADER))));
    }

    /** Sets the status and headers (the ids, then the answer's or the problem's) and returns the body to write. */
    static byte[] prepare(Reply reply, HttpServletResponse response) {
        var exchange = reply.ending().exchange();
        IdHeaders.set(response, exchange);
        if (reply.problem().isPresent()) {
            var problem = reply.problem().get();
            if (problem.type() == ProblemType.METHOD_NOT_ALLOWED) {
                response.setHeader("Allow", "POST");
            }
            return ProblemWriter.prepare(problem, response);
        }
        var answer = reply.answer().orElseThrow();
        var completion = answer.completion();
        var bytes = InvokeResponseWriter.bytes(new InvokeResponse(exchange.requestId(), completion.model(),
                exchange.elapsedMillis(), answer.text(), answer.report(), completion.stopReason(), completion.usage()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        response.setContentLength(bytes.length);
        return bytes;
    }

    /** The parts of an HTTP request the core asks for, in its order. */
    private final class FromHttp implements Inbound {

        private final HttpServletRequest request;
        private final String requestId;
        private final SseEvents events;

        FromHttp(HttpServletRequest request, String requestId, SseEvents events) {
            this.request = request;
            this.requestId = requestId;
            this.events = events;
        }

        @Override
        public Credential credential() {
            route(request);
            return Credentials.fromHeaders(values(request, "Authorization"), values(request, API_KEY_HEADER));
        }

        @Override
        public ChatRequest request() {
            var json = body.read(request.getContentType(), request.getHeader("Content-Length"), input(request));
            var parsed = parser.parse(json, requestId);
            var accept = request.getHeader("Accept");
            if (parsed.stream() || !Acceptable.eventStream(accept) || Acceptable.json(accept)) {
                return parsed;
            }
            return new ChatRequest(parsed.requestId(), parsed.model(), parsed.system(), parsed.messages(),
                    parsed.inference(), parsed.metadata(), true);
        }

        @Override
        public AnswerEvents events() {
            return events;
        }
    }

    /** Only {@code POST /invoke} exists, answering JSON; checked before authentication, as any unknown path is. */
    private static void route(HttpServletRequest request) {
        var path = request.getPathInfo(); // decoded and normalised by the container
        if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
            throw new GatewayException(ProblemType.NOT_FOUND, "No resource at this path.");
        }
        if (!"POST".equals(request.getMethod())) {
            throw new GatewayException(ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: POST.");
        }
        var accept = request.getHeader("Accept");
        if (!Acceptable.json(accept) && !Acceptable.eventStream(accept)) {
            throw new GatewayException(ProblemType.NOT_ACCEPTABLE,
                    "This resource answers with application/json, or text/event-stream for a streamed answer.");
        }
    }

    /** Every occurrence of the header, so that a repeated credential is seen and refused, not silently reduced to one. */
    private static List<String> values(HttpServletRequest request, String header) {
        var values = request.getHeaders(header);
        return values == null ? List.of() : Collections.list(values);
    }

    private static InputStream input(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new GatewayException(ProblemType.INVALID_JSON, "The request body could not be read completely.");
        }
    }
}
