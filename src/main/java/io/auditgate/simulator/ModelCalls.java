package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * The path of every model request: count it, pick a fault (request header first, then admin rules), wait the
 * configured latency, then fail, hang, break, or answer through the operation's handler.
 */
final class ModelCalls {

    static final String FAULT_HEADER = "x-sim-fault";
    static final String LATENCY_HEADER = "x-sim-latency-ms";
    private static final long DEFAULT_LATENCY_FAULT_MS = 1000;

    private final SimulatorOptions options;
    private final FaultRules rules;
    private final Stats stats;
    private final Hangs hangs;

    ModelCalls(SimulatorOptions options, FaultRules rules, Stats stats, Hangs hangs) {
        this.options = options;
        this.rules = rules;
        this.stats = stats;
        this.hangs = hangs;
    }

    /** Answers the request, or parks it for a hang; throws {@link BedrockFailure} for modeled errors. */
    void serve(HttpExchange exchange, Route.ModelRoute route, byte[] body) throws IOException {
        long started = System.nanoTime();
        stats.count(route.modelId(), route.operation());
        long headerDelay = headerNumber(exchange, LATENCY_HEADER);
        Optional<Injection> injection = headerFault(exchange, headerDelay)
                .or(() -> rules.select(route.modelId(), body));
        Pauses.sleep(options.latencyMs() + headerDelay + injection.map(Injection::delayMs).orElse(0L));
        Fault fault = injection.map(Injection::fault).orElse(null);
        if (fault == Fault.HANG) {
            hangs.park(exchange);
            return;
        }
        if (fault == Fault.MALFORMED) {
            Replies.malformed(exchange);
            return;
        }
        boolean streamError = fault == Fault.STREAM_ERROR && route.operation().streaming();
        if (fault != null && !streamError) {
            fault.failure().ifPresent(failure -> {
                throw failure;
            });
        }
        Model model = ModelCatalogue.resolve(route.modelId());
        answer(new Call(exchange, model, body, started, streamError, options.tokenDelayMs()), route.operation());
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

    private static Optional<Injection> headerFault(HttpExchange exchange, long headerDelay) {
        String name = exchange.getRequestHeaders().getFirst(FAULT_HEADER);
        if (name == null) {
            return Optional.empty();
        }
        Fault fault = Fault.named(name.trim()).orElseThrow(() -> PromptRules.invalid(
                "Unknown simulator fault in " + FAULT_HEADER + ": " + name));
        long delay = fault == Fault.LATENCY && headerDelay == 0 ? DEFAULT_LATENCY_FAULT_MS : 0;
        return Optional.of(new Injection(fault, delay));
    }

    private static long headerNumber(HttpExchange exchange, String header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw PromptRules.invalid("The " + header + " header must be a number of milliseconds: " + value);
        }
    }
}
