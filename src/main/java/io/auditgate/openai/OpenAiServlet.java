package io.auditgate.openai;

import io.auditgate.auth.Credential;
import io.auditgate.auth.Credentials;
import io.auditgate.core.Gateway;
import io.auditgate.core.Lookup;
import io.auditgate.core.Reply;
import io.auditgate.http.AsyncWrite;
import io.auditgate.http.ClientOrigin;
import io.auditgate.http.IdHeaders;
import io.auditgate.http.JsonBody;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.OpenAiErrors;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Exchange;
import io.auditgate.request.RequestIds;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The OpenAI-compatible API under {@code /v1} ({@code base_url=http://host/v1}), an adapter on each side of the
 * {@link Gateway} as {@code /invoke} is: {@code POST /v1/chat/completions} runs the same request path (screening,
 * journal, model, screening, durable record) with OpenAI's request, answer, chunk and error shapes;
 * {@code GET /v1/models[/{id}]} lists the caller's allowed models. Credentials as everywhere:
 * {@code Authorization: Bearer} (an AuditGate key or a JWT) or {@code x-api-key}. The container maps {@code /v1/*}
 * here, the longer match over {@code /invoke}'s {@code /*}.
 */
@WebServlet(urlPatterns = "/v1/*", loadOnStartup = 1, asyncSupported = true)
public class OpenAiServlet extends HttpServlet {

    static final String SURFACE = "openai";
    private static final String JSON = "application/json";

    @Inject
    transient Gateway gateway;

    @Inject
    transient JsonBody body;

    @Inject
    transient ClientOrigin origin;

    @Inject
    transient ChatCompletionsParser parser;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        var exchange = Exchange.arrived(SURFACE, request.getMethod(), request.getRequestURI(), origin.of(request,
                Exchange.Client.of(request.getRemoteAddr(), request.getHeader("User-Agent"),
                        request.getHeader(RequestIds.HEADER), request.getHeader(Exchange.Client.RETRY_COUNT_HEADER))));
        // the error page, should the container fail this request after all, keeps its id and makes no second record
        request.setAttribute(Exchange.class.getName(), exchange);
        var async = request.startAsync();
        async.setTimeout(0); // the core's own deadlines end every request
        Route route;
        try {
            route = Route.of(request.getMethod(), request.getPathInfo());
        } catch (GatewayException e) {
            answer(async, gateway.refuse(exchange, e), request.getPathInfo());
            return;
        }
        if (route.kind() == Route.Kind.CHAT) {
            chat(request, exchange, async);
        } else {
            models(request, exchange, async, route);
        }
    }

    private void chat(HttpServletRequest request, Exchange exchange, AsyncContext async) {
        var events = new ChunkEvents(async);
        var inbound = new ChatInbound(request, exchange.requestId(), events, body, parser);
        gateway.serve(exchange, inbound).whenComplete((reply, failure) -> {
            if (!events.isOpened()) { // a stream that began: its events were the whole response
                write(async, reply, failure, request.getPathInfo());
            }
        });
    }

    /**
     * The listing answers from the caller's policy snapshot and calls no model; answered or refused (401, 404), it
     * gets its record, durable before the answer, and its log line through the core, as every request does.
     */
    private void models(HttpServletRequest request, Exchange exchange, AsyncContext async, Route route) {
        var listing = route.kind() == Route.Kind.MODELS;
        var asked = listing ? exchange.performing(Route.LIST) : exchange.performing(Route.RETRIEVE).asking(route.modelId());
        gateway.lookUp(asked, () -> credential(request), caller -> listing ? Models.list(caller)
                        : Models.retrieve(caller, route.modelId()).orElseThrow(Route::modelNotFound))
                .whenComplete((lookup, failure) -> {
                    if (failure != null) { // the core ends every request with a lookup; only an Error escapes it
                        async.complete();
                        return;
                    }
                    AsyncWrite.start(async, prepare(lookup, (HttpServletResponse) async.getResponse()));
                });
    }

    /** The listing or its error, with the request's ids. */
    static byte[] prepare(Lookup<JsonObject> lookup, HttpServletResponse response) {
        IdHeaders.set(response, lookup.ending().exchange());
        return lookup.problem().isPresent() ? OpenAiErrors.prepare(lookup.problem().get(), response)
                : ok(lookup.found().orElseThrow(), response);
    }

    private static void answer(AsyncContext async, CompletableFuture<Reply> reply, String path) {
        reply.whenComplete((done, failure) -> write(async, done, failure, path));
    }

    private static void write(AsyncContext async, Reply reply, Throwable failure, String path) {
        if (failure != null) { // the core ends every request with a reply; only an Error escapes it
            async.complete();
            return;
        }
        AsyncWrite.start(async, prepare(reply, (HttpServletResponse) async.getResponse(), path));
    }

    /** Sets the status and headers (the ids, then the answer's or the error's) and returns the body to write. */
    static byte[] prepare(Reply reply, HttpServletResponse response, String path) {
        var exchange = reply.ending().exchange();
        IdHeaders.set(response, exchange);
        if (reply.problem().isPresent()) {
            var problem = reply.problem().get();
            if (problem.type() == ProblemType.METHOD_NOT_ALLOWED) {
                response.setHeader("Allow", Route.allowFor(path));
            }
            return OpenAiErrors.prepare(problem, response);
        }
        var answer = reply.answer().orElseThrow();
        return ok(Completions.completion(exchange, answer), response);
    }

    private static byte[] ok(JsonObject json, HttpServletResponse response) {
        var bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        response.setContentLength(bytes.length);
        return bytes;
    }

    /** {@code Authorization} (a Bearer key or JWT, as the OpenAI SDKs send it) and {@code x-api-key}, as on /invoke. */
    static Credential credential(HttpServletRequest request) {
        return Credentials.fromHeaders(values(request, "Authorization"), values(request, "x-api-key"));
    }

    /** Every occurrence of the header, so that a repeated credential is seen and refused, not silently reduced to one. */
    private static List<String> values(HttpServletRequest request, String header) {
        var values = request.getHeaders(header);
        return values == null ? List.of() : Collections.list(values);
    }
}
