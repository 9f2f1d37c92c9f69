package io.auditgate.core;

import io.auditgate.audit.AuditTrail;
import io.auditgate.auth.Authentication;
import io.auditgate.auth.Caller;
import io.auditgate.bedrock.BedrockModel;
import io.auditgate.bedrock.ModelStreams;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.guardrail.PromptBlocked;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.Problem;
import io.auditgate.problem.Problems;
import io.auditgate.process.Worker;
import io.auditgate.quota.Quotas;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import io.auditgate.request.RequestObserver;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request path, the same for every endpoint: the instance has room (503) and the caller is authenticated (401)
 * and may use the model (403) within its limits (400); the prompt is screened (422 or redacted); the tenant's limits
 * and budgets across all instances admit it (429, {@link Metering}) and it is journaled; the model answers; the answer
 * is screened and its complete record made durable; only then may the endpoint send it; its end settles what it
 * used. Each step changes the type, so
 * none can be skipped and only screened text reaches the model, the record, the log line or the metrics.
 * <p>
 * Every request leaves exactly one audit record and one {@link RequestObserver#ended} by this class's structure:
 * each way out of {@link #serve} ends in {@link #answered} or {@link #refused}, and an endpoint has no other way
 * to get a {@link Reply}.
 * <p>
 * No thread waits while the model works or a record is made durable: the steps up to the screened prompt run on the
 * caller's thread (they read the request), the model call and the journal's fsync complete futures, and what comes
 * after each continues on a virtual thread ({@link Worker#CONTINUATION}), never on the SDK's or the journal's own.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    @Inject
    Authentication authentication;

    @Inject
    Guardrails guardrails;

    @Inject
    BedrockModel bedrock;

    @Inject
    ModelStreams streams;

    @Inject
    @ConfigProperty(name = "gateway.stream-heartbeat", defaultValue = "PT5S")
    Duration heartbeat;

    @Inject
    AuditTrail audit;

    @Inject
    RequestObserver observer;

    @Inject
    @ConfigProperty(name = "gateway.max-in-flight", defaultValue = "4096")
    int maxInFlight;

    @Inject
    Quotas quotas;

    private InFlight inFlight;
    private ScheduledExecutorService heartbeats;
    private ExecutorService continuation;
    private Metering metering;

    /** For CDI. */
    public Gateway() {
    }

    /** Wired by hand (flow tests): the real steps, with fakes only where they meet the model and the journal. */
    public Gateway(Authentication authentication, Guardrails guardrails, BedrockModel bedrock, ModelStreams streams,
                   AuditTrail audit, RequestObserver observer, int maxInFlight) {
        this(authentication, guardrails, bedrock, streams, audit, observer, maxInFlight, Quotas.local(Clock.systemUTC()));
    }

    /** As above, with the tenants' limits and budgets kept by {@code quotas}. */
    public Gateway(Authentication authentication, Guardrails guardrails, BedrockModel bedrock, ModelStreams streams,
                   AuditTrail audit, RequestObserver observer, int maxInFlight, Quotas quotas) {
        this.quotas = quotas;
        this.authentication = authentication;
        this.guardrails = guardrails;
        this.bedrock = bedrock;
        this.streams = streams;
        this.audit = audit;
        this.observer = observer;
        this.maxInFlight = maxInFlight;
        this.heartbeat = Duration.ofSeconds(5);
        start();
    }

    @PostConstruct
    void start() {
        inFlight = new InFlight(maxInFlight);
        continuation = Executors.newThreadPerTaskExecutor(Worker.CONTINUATION.virtualFactory());
        metering = new Metering(quotas, continuation);
        heartbeats = Executors.newSingleThreadScheduledExecutor(Worker.HEARTBEATS.factory(""));
    }

    @PreDestroy
    void stop() {
        continuation.shutdown();
        heartbeats.shutdownNow();
    }

    /** Serves one request that arrived as {@code arrived}, asking {@code inbound} for its parts in order. */
    public CompletableFuture<Reply> serve(Exchange arrived, Inbound inbound) {
        started(arrived);
        try {
            inFlight.enter();
        } catch (RuntimeException e) {
            return refused(arrived, Optional.empty(), e);
        }
        return guarded(() -> admitted(arrived, inbound), arrived).whenComplete((done, failure) -> inFlight.leave());
    }

    /**
     * A request refused before it reached {@link #serve}'s steps (one the container answered by itself): its
     * record and its end, as for any other refusal.
     */
    public CompletableFuture<Reply> refuse(Exchange exchange, Throwable failure) {
        started(exchange);
        return refused(exchange, Optional.empty(), failure);
    }

    private void started(Exchange exchange) {
        try {
            observer.started(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Request observer failed at the start of " + exchange.requestId(), e);
        }
    }

    /** Requests in flight now (for the metrics). */
    public int inFlight() {
        return inFlight.inFlight();
    }

    private CompletableFuture<Reply> admitted(Exchange arrived, Inbound inbound) {
        var exchange = arrived;
        Caller caller;
        try {
            caller = authentication.authenticate(inbound.credential());
            exchange = exchange.authenticated(caller);
        } catch (RuntimeException | Error e) {
            return refused(exchange, Optional.empty(), e);
        }
        var authenticated = exchange;
        return guarded(() -> screened(authenticated, caller, inbound), authenticated);
    }

    private CompletableFuture<Reply> screened(Exchange authenticated, Caller caller, Inbound inbound) {
        var exchange = authenticated;
        ChatRequest request;
        ScreenedPrompt prompt;
        Optional<AnswerEvents> events;
        try {
            var asked = inbound.request();
            exchange = exchange.asking(asked.model()).ignoring(asked.ignoredFields());
            caller.requireModel(asked.model());
            request = TenantLimitsCheck.check(caller.limits(), asked);
            prompt = guardrails.screen(caller.profile(), request);
            events = request.stream() ? Optional.of(inbound.events()) : Optional.empty();
        } catch (PromptBlocked e) {
            return refused(exchange, Optional.of(e.prompt()), e);
        } catch (RuntimeException | Error e) {
            return refused(exchange, Optional.empty(), e);
        }
        var screened = exchange;
        return metering.admit(screened, caller, request).handle((allowed, failure) -> {
            if (failure != null) {
                return refused(screened, Optional.of(prompt), Problems.cause(failure));
            }
            var refusal = allowed.allowance().filter(allowance -> !allowance.admitted()).map(Quotas::refusal);
            if (refusal.isPresent()) {
                return refused(allowed, Optional.of(prompt), refusal.get());
            }
            return guarded(() -> events.isPresent() ? streamed(allowed, prompt, events.get()) : answer(allowed, prompt),
                    allowed);
        }).thenCompose(reply -> reply);
    }

    /**
     * {@code steps}, or if they throw instead of returning a future (a gateway bug), the refusal with its record: no
     * way out of {@link #serve} skips {@link #refused}.
     */
    private CompletableFuture<Reply> guarded(Supplier<CompletableFuture<Reply>> steps, Exchange exchange) {
        try {
            return steps.get();
        } catch (RuntimeException | Error e) {
            return refused(exchange, Optional.empty(), e);
        }
    }

    private CompletableFuture<Reply> answer(Exchange exchange, ScreenedPrompt prompt) {
        return begin(exchange, prompt)
                .thenCompose(begun -> bedrock.complete(prompt, exchange.calls()))
                .thenApplyAsync(completion -> Ending.answered(exchange, prompt, guardrails.screen(prompt, completion)),
                        continuation)
                .thenCompose(ending -> audit.complete(ending).thenApply(receipt -> new Recorded(ending, receipt)))
                .handleAsync((recorded, failure) -> failure == null ? answered(recorded)
                        : refused(exchange, Optional.of(prompt), Problems.cause(failure)), continuation)
                .thenCompose(reply -> reply);
    }

    /** The begin entry; a failure to even make it (a bug) fails the future, so the request ends in refused. */
    private CompletableFuture<Void> begin(Exchange exchange, ScreenedPrompt prompt) {
        return begin(() -> audit.begin(exchange, prompt));
    }

    private static CompletableFuture<Void> begin(Supplier<CompletableFuture<Void>> step) {
        try {
            return step.get();
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The streamed way: journaled first, as every request; the model is called at once, but the stream opens only
     * once the begin entry is durable (a crash mid-stream must leave the begin entry that becomes its interrupted
     * record), and what the model says meanwhile waits in {@link Streamed}. The fsync so overlaps the model's time to
     * first token instead of adding to it. A journal that refuses at once means no model call; a begin entry that
     * cannot be made durable afterwards cancels the call, and either is an ordinary refusal (nothing was sent).
     */
    private CompletableFuture<Reply> streamed(Exchange exchange, ScreenedPrompt prompt, AnswerEvents events) {
        var begun = begin(() -> audit.beginDurable(exchange, prompt));
        if (begun.isCompletedExceptionally()) {
            return begun.handleAsync((never, failure) -> refused(exchange, Optional.of(prompt), Problems.cause(failure)),
                    continuation).thenCompose(reply -> reply);
        }
        var stream = new Streamed(exchange, prompt, guardrails.stream(prompt), events, audit, ending -> ended(ending, Optional.empty()));
        stream.started(streams.stream(prompt, exchange.calls(), stream));
        return begun.handleAsync((durable, failure) -> {
            if (failure != null) {
                stream.abandon();
                return refused(exchange, Optional.of(prompt), Problems.cause(failure));
            }
            stream.open(() -> heartbeats.scheduleWithFixedDelay(stream::heartbeat, heartbeat.toMillis(),
                    heartbeat.toMillis(), TimeUnit.MILLISECONDS));
            return stream.reply();
        }, continuation).thenCompose(reply -> reply);
    }

    private record Recorded(Ending ending, AuditTrail.Receipt receipt) {
    }

    /** The record is durable; in direct mode the answer also waits until the store holds it. */
    private CompletableFuture<Reply> answered(Recorded recorded) {
        return audit.awaitStored(recorded.receipt()).handleAsync((stored, failure) -> {
            if (failure == null) {
                return ended(recorded.ending(), Optional.empty());
            }
            var problem = Problems.of(failure, recorded.ending().requestId());
            return ended(recorded.ending().undelivered(problem.type()), Optional.of(problem));
        }, continuation);
    }

    private CompletableFuture<Reply> refused(Exchange exchange, Optional<ScreenedPrompt> prompt, Throwable failure) {
        var problem = Problems.of(failure, exchange.requestId());
        var ending = Ending.refused(exchange, prompt, problem.type());
        return audit.refused(ending).thenApplyAsync(recorded -> ended(ending, Optional.of(problem)), continuation);
    }

    /** Telemetry hears of the end; its failure (a bug) is logged and changes nothing of the reply. */
    private Reply ended(Ending ending, Optional<Problem> problem) {
        var closed = ending.closed();
        metering.settle(closed);
        try {
            observer.ended(closed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Request observer failed at the end of " + closed.requestId(), e);
        }
        return new Reply(closed, problem);
    }
}
