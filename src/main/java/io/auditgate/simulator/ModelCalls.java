package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * The path of every model request: count it, pick a fault (request header first, then admin rules), wait the
 * configured latency, then fail, hang, drop, or answer through the operation's handler with the answer script
 * (request headers, then admin rules, then the server's options).
 */
final class ModelCalls {

    private final SimulatorOptions options;
    private final Rules<Injection> faults;
    private final Rules<AnswerScript> answers;
    private final Stats stats;
    private final Hangs hangs;

    ModelCalls(SimulatorOptions options, Rules<Injection> faults, Rules<AnswerScript> answers, Stats stats,
               Hangs hangs) {
        this.options = options;
        this.faults = faults;
        this.answers = answers;
        this.stats = stats;
        this.hangs = hangs;
    }

    /** Answers the request, or parks it for a hang; throws {@link BedrockFailure} for modeled errors. */
    void serve(HttpExchange exchange, Route.ModelRoute route, byte[] body) throws IOException {
        long started = System.nanoTime();
        stats.count(route.modelId(), route.operation());
        var headers = new SimHeaders(exchange.getRequestHeaders());
        Optional<Injection> injection = headers.fault().or(() -> faults.select(route.modelId(), body));
        Pauses.sleep(options.latencyMs() + headers.latencyMs() + injection.map(Injection::latencyMs).orElse(0L));
        Fault fault = injection.map(Injection::fault).orElse(null);
        if (fault == Fault.HANG) {
            hangs.park(exchange);
            return;
        }
        if (fault == Fault.MALFORMED) {
            Replies.malformed(exchange);
            return;
        }
        boolean inStream = fault != null && fault.midStream() && route.operation().streaming();
        if (fault != null && !inStream) {
            beforeAnswer(injection.get());
        }
        Model model = ModelCatalogue.resolve(route.modelId());
        AnswerScript script = headers.script()
                .orElse(answers.select(route.modelId(), body).orElse(AnswerScript.NONE))
                .orElse(AnswerScript.of(options));
        var call = new Call(exchange, model, body, started, inStream ? injection : Optional.empty(), script);
        answer(call, route.operation());
    }

    /** A fault on an operation that does not stream: an error, a dropped connection, or a wait. */
    private static void beforeAnswer(Injection injection) {
        switch (injection.fault()) {
            case STREAM_DROP -> throw new DroppedConnection();
            case STREAM_STALL -> Pauses.sleep(injection.delayMs());
            default -> injection.fault().failure().ifPresent(failure -> {
                throw failure;
            });
        }
    }

    private static void answer(Call call, Operation operation) throws IOException {
        switch (operation) {
            case CONVERSE -> ConverseCalls.converse(call);
            case CONVERSE_STREAM -> ConverseCalls.converseStream(call);
            case INVOKE -> InvokeCalls.invoke(call);
            case INVOKE_STREAM -> InvokeCalls.invokeStream(call);
            default -> throw new IllegalStateException("unhandled operation " + operation);
        }
    }
}
