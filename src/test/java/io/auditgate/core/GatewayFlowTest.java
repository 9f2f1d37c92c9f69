package io.auditgate.core;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static io.auditgate.tenant.PolicyJson.key;
import static io.auditgate.tenant.PolicyJson.policy;
import static io.auditgate.tenant.PolicyJson.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.AuditTrail;
import io.auditgate.auth.Authentication;
import io.auditgate.auth.Credential;
import io.auditgate.auth.Credentials;
import io.auditgate.auth.NewApiKey;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolConversations;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Exchange;
import io.auditgate.tenant.PolicyHolder;
import io.auditgate.tenant.PolicyJson;
import io.auditgate.tenant.Tenants;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request path in one JVM, milliseconds per request: the real {@link Gateway}, authentication, tenants policy,
 * guardrails and audit trail, wired by hand, with fakes only where the gateway meets the model and the journal
 * ({@link FlowFakes}).
 */
class GatewayFlowTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PLANTED_EMAIL = "jane.planted@example.com";

    @TempDir
    Path dir;

    private final NewApiKey acmeKey = NewApiKey.generate(RANDOM);
    private final NewApiKey strictKey = NewApiKey.generate(RANDOM);
    private final NewApiKey soloKey = NewApiKey.generate(RANDOM);
    private final NewApiKey routedKey = NewApiKey.generate(RANDOM);
    private final NewApiKey pinnedKey = NewApiKey.generate(RANDOM);
    private final FlowFakes.Model model = new FlowFakes.Model();
    private final FlowFakes.Streams streams = new FlowFakes.Streams();
    private final FlowFakes.Sink sink = new FlowFakes.Sink();
    private final FlowFakes.Observer observer = new FlowFakes.Observer();
    private PolicyHolder holder;
    private AuditTrail audit;
    private Authentication gatewayAuthentication;
    private Gateway gateway;

    @BeforeEach
    void wire() {
        holder = new PolicyHolder(PolicyJson.write(dir.resolve("tenants.json"), policyVersion(1)));
        var tenants = new Tenants(holder);
        audit = new AuditTrail(sink, Duration.ofSeconds(5), "i-flow", "0.0.0-flow", tenants::current);
        gatewayAuthentication = new Authentication(tenants);
        gateway = new Gateway(gatewayAuthentication, new Guardrails(), model, streams, audit, observer, 2);
    }

    private String policyVersion(int version) {
        var strict = tenant("strict-co", key(strictKey), HAIKU).replace("\"standard\"", "\"strict\"");
        var solo = tenant("solo", key(soloKey), HAIKU).replace("\"max_output_tokens\":500", "\"max_output_tokens\":500,\"max_concurrent_requests\":1");
        var routed = tenant("routed", key(routedKey), HAIKU, SONNET).replace("\"guardrail_profile\"",
                "\"routes\":{\"" + HAIKU + "\":{\"fallbacks\":[\"" + SONNET + "\"]}},\"guardrail_profile\"");
        var pinned = tenant("pinned", key(pinnedKey), HAIKU, "us." + HAIKU).replace("\"guardrail_profile\"",
                "\"allowed_regions\":[\"eu-central-1\",\"eu-west-1\"],\"guardrail_profile\"");
        return policy(version, tenant("acme", key(acmeKey), HAIKU), strict, solo, routed, pinned);
    }

    /** An {@link Inbound} like an endpoint's: a route check, then a credential, then a parsed body. */
    private record Http(Supplier<Credential> credentialStep, Supplier<ChatRequest> requestStep) implements Inbound {
        @Override
        public Credential credential() {
            return credentialStep.get();
        }

        @Override
        public ChatRequest request() {
            return requestStep.get();
        }

        @Override
        public AnswerEvents events() {
            throw new UnsupportedOperationException("the flow tests' model does not stream");
        }
    }

    private static Exchange arrived() {
        return Exchange.arrived("flow", "POST", "/invoke", Exchange.Client.of("127.0.0.1", "flow-test/1", null));
    }

    private static ChatRequest chat(Exchange exchange, String modelId, String text, Integer maxTokens) {
        return new ChatRequest(exchange.requestId(), modelId, Optional.of("You help " + PLANTED_EMAIL),
                List.of(new ChatMessage(Role.USER, text)), new Inference(maxTokens, null, null, List.of()),
                Map.of("ticket", PLANTED_EMAIL));
    }

    private Reply serve(NewApiKey key, String modelId, String text, Integer maxTokens) {
        var exchange = arrived();
        return gateway.serve(exchange, new Http(() -> Credentials.from(null, key.plaintext()),
                () -> chat(exchange, modelId, text, maxTokens))).join();
    }

    private Reply serve(String text) {
        return serve(acmeKey, HAIKU, text, null);
    }

    @Test
    void anAnsweredRequestLeavesOneCompleteRecordAndOneEnding() {
        var reply = serve("Please write to " + PLANTED_EMAIL);

        assertThat(reply.problem()).isEmpty();
        assertThat(reply.answer()).hasValueSatisfying(a -> assertThat(a.text()).startsWith("Noted.").doesNotContain("ops@example.org"));
        assertThat(sink.begins).containsOnlyKeys(reply.ending().requestId());
        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.getString("record_id")).isEqualTo(reply.ending().requestId());
            assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(200);
            assertThat(r.getJsonObject("outcome").getInt("attempts")).isEqualTo(1);
            assertThat(r.getJsonObject("response").getString("text")).doesNotContain("ops@example.org");
        });
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void onlyScreenedTextReachesTheModelTheRecordAndTheEnding() {
        var reply = serve("Please write to " + PLANTED_EMAIL);

        var prompt = model.seen.get(0);
        assertThat(prompt.system().orElseThrow() + prompt.messages()).doesNotContain(PLANTED_EMAIL).contains("[EMAIL_1]");
        assertThat(sink.begins.values().toString() + sink.records).doesNotContain(PLANTED_EMAIL);
        var ending = observer.ended.get(0);
        assertThat(ending.prompt().orElseThrow().metadata()).containsEntry("ticket", "[EMAIL_1]");
        assertThat(ending.facts().toString()).doesNotContain(PLANTED_EMAIL);
        assertThat(reply.ending()).isEqualTo(ending);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown path", ProblemType.NOT_FOUND, false),
                Arguments.of("no credential", ProblemType.UNAUTHENTICATED, false),
                Arguments.of("model not on the tenant's list", ProblemType.MODEL_NOT_ALLOWED, false),
                Arguments.of("over the tenant's max_tokens", ProblemType.INVALID_REQUEST, false),
                Arguments.of("body not JSON", ProblemType.INVALID_JSON, false),
                Arguments.of("card number, strict profile", ProblemType.PROMPT_BLOCKED, false),
                Arguments.of("model throttled after begin", ProblemType.THROTTLED, true),
                Arguments.of("model timed out after begin", ProblemType.MODEL_TIMEOUT, true),
                Arguments.of("gateway bug in the model call", ProblemType.INTERNAL_ERROR, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalLeavesExactlyOneRecordAndOneEnding(String path, ProblemType expected, boolean begun) {
        var exchange = arrived();
        var key = expected == ProblemType.PROMPT_BLOCKED ? strictKey : acmeKey;
        var modelId = expected == ProblemType.MODEL_NOT_ALLOWED ? SONNET : HAIKU;
        var text = expected == ProblemType.PROMPT_BLOCKED ? "Card 4111 1111 1111 1111" : "Hello";
        switch (expected) {
            case THROTTLED -> model.behaviour = p -> {
                throw new GatewayException(ProblemType.THROTTLED, "throttled");
            };
            case MODEL_TIMEOUT -> model.behaviour = p -> {
                throw new GatewayException(ProblemType.MODEL_TIMEOUT, "timed out");
            };
            case INTERNAL_ERROR -> model.behaviour = p -> {
                throw new IllegalStateException("a bug");
            };
            default -> { }
        }
        var inbound = new Http(() -> {
            if (expected == ProblemType.NOT_FOUND) {
                throw new GatewayException(ProblemType.NOT_FOUND, "No resource at this path.");
            }
            return expected == ProblemType.UNAUTHENTICATED ? Credentials.from(null, null) : Credentials.from(null, key.plaintext());
        }, () -> {
            if (expected == ProblemType.INVALID_JSON) {
                throw new GatewayException(ProblemType.INVALID_JSON, "not JSON");
            }
            return chat(exchange, modelId, text, expected == ProblemType.INVALID_REQUEST ? 501 : null);
        });

        var reply = gateway.serve(exchange, inbound).join();

        assertThat(reply.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(expected));
        assertThat(reply.answer()).isEmpty();
        assertThat(sink.records).as("one record").singleElement().satisfies(r -> {
            assertThat(r.getString("record_id")).isEqualTo(exchange.requestId());
            assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(expected.status());
            assertThat(r.toString()).doesNotContain("4111 1111").doesNotContain(PLANTED_EMAIL);
        });
        assertThat(sink.begins.keySet()).as("journaled before the model").isEqualTo(begun ? java.util.Set.of(exchange.requestId()) : java.util.Set.of());
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.problem()).contains(expected));
    }

    @Test
    void aBlockedPromptsRecordKeepsItsRedactedTextAndWhatBlockedIt() {
        serve(strictKey, HAIKU, "Card 4111 1111 1111 1111", null);

        var record = sink.records.get(0);
        assertThat(record.getJsonObject("guardrails").getJsonObject("input").getString("status")).isEqualTo("blocked");
        assertThat(record.getJsonObject("request").toString()).contains("[CREDIT_DEBIT_CARD_NUMBER_1]");
        assertThat(model.seen).isEmpty();
    }

    @Test
    void anAnswerNeverLeavesBeforeItsRecordIsDurable() throws Exception {
        var appended = new CountDownLatch(1);
        var durable = new CompletableFuture<JsonObject>();
        sink.durable = sealed -> {
            appended.countDown();
            return durable.thenApply(ignored -> sealed);
        };

        var reply = serveAsync(acmeKey);
        appended.await();

        assertThat(reply).as("held while the record is not durable").isNotDone();
        assertThat(observer.ended).isEmpty();
        durable.complete(null);
        assertThat(reply.get().answer()).isPresent();
        assertThat(sink.records).hasSize(1);
    }

    @Test
    void anAnswerWhoseRecordCannotBeMadeDurableIsWithheld() {
        sink.durable = sealed -> sealed.getJsonObject("outcome").getInt("http_status") == 200
                ? CompletableFuture.failedFuture(new java.io.IOException("disk gone"))
                : CompletableFuture.completedFuture(sealed);

        var reply = serve("Hello");

        assertThat(reply.answer()).isEmpty();
        assertThat(reply.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.AUDIT_UNAVAILABLE));
        assertThat(sink.records).as("the refusal is the one record").singleElement()
                .satisfies(r -> assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(503));
    }

    private Lookup<List<String>> lookUp(String credential, String operation) {
        var exchange = Exchange.arrived("openai", "GET", "/v1/models",
                Exchange.Client.of("127.0.0.1", "flow-test/1", null)).performing(operation);
        return gateway.lookUp(exchange, () -> Credentials.from(null, credential), caller -> {
            if (operation.equals("models.retrieve")) {
                throw new GatewayException(ProblemType.NOT_FOUND, "No such model.");
            }
            return caller.allowedModels().stream().sorted().toList();
        }).join();
    }

    @Test
    void aRequestThatCallsNoModelIsAnsweredOnlyWithItsDurableRecordAndEndsOnce() {
        var lookup = lookUp(acmeKey.plaintext(), "models.list");

        assertThat(lookup.problem()).isEmpty();
        assertThat(lookup.found()).hasValue(List.of(HAIKU));
        assertThat(sink.begins).as("nothing to journal before: no model is called").isEmpty();
        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.getString("record_id")).isEqualTo(lookup.ending().requestId());
            assertThat(r.getString("tenant")).isEqualTo("acme");
            assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(200);
            assertThat(r.getJsonObject("outcome").getInt("attempts")).isZero();
            assertThat(r.getJsonObject("api").getString("surface")).isEqualTo("openai");
            assertThat(r.getJsonObject("api").getString("operation")).isEqualTo("models.list");
            assertThat(r.getJsonObject("guardrails").getJsonObject("input").getString("status")).isEqualTo("not_screened");
        });
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(200));
        assertThat(model.seen).isEmpty();
    }

    @Test
    void aLookupThatRefusesOrIsUnauthenticatedHasItsRefusalRecorded() {
        var notFound = lookUp(acmeKey.plaintext(), "models.retrieve");
        var unauthenticated = lookUp("ag_not-a-key", "models.list");

        assertThat(notFound.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(unauthenticated.problem())
                .hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.UNAUTHENTICATED));
        assertThat(sink.records).extracting(r -> r.getJsonObject("outcome").getInt("http_status")).containsExactly(404, 401);
        assertThat(sink.records).allSatisfy(r ->
                assertThat(r.getJsonObject("api").getString("operation")).startsWith("models."));
        assertThat(observer.ended).hasSize(2);
    }

    @Test
    void aLookupWhoseRecordCannotBeMadeDurableIsWithheld() {
        sink.durable = sealed -> sealed.getJsonObject("outcome").getInt("http_status") == 200
                ? CompletableFuture.failedFuture(new java.io.IOException("disk gone"))
                : CompletableFuture.completedFuture(sealed);

        var lookup = lookUp(acmeKey.plaintext(), "models.list");

        assertThat(lookup.found()).isEmpty();
        assertThat(lookup.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.AUDIT_UNAVAILABLE));
        assertThat(sink.records).as("the refusal is the one record").singleElement()
                .satisfies(r -> assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(503));
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void directModeAnswersOnlyOnceStoredAndARecordedAnswerIsNotRecordedTwice() {
        sink.stored = CompletableFuture.failedFuture(new java.io.IOException("store down"));

        var reply = serve("Hello");

        assertThat(reply.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.AUDIT_UNAVAILABLE));
        assertThat(sink.records).singleElement()
                .satisfies(r -> assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(200));
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void theRecordCitesThePolicyVersionThatGovernedTheRequestEvenIfItChangedMeanwhile() {
        var first = holder.policy();
        model.behaviour = prompt -> {
            PolicyJson.write(dir.resolve("tenants.json"), policyVersion(2));
            assertThat(holder.reloadIfChanged()).isTrue();
            return FlowFakes.Model.noted(prompt);
        };

        serve("Hello");
        model.behaviour = FlowFakes.Model::noted;
        serve("Hello again");

        assertThat(sink.records).extracting(r -> r.getInt("policy_version")).containsExactly(1, 2);
        assertThat(sink.records.get(0).getString("policy_sha256")).isEqualTo(first.fingerprint());
        assertThat(sink.records.get(1).getString("policy_sha256")).isEqualTo(holder.policy().fingerprint())
                .isNotEqualTo(first.fingerprint());
    }

    @Test
    void aRequestRefusedBeforeAuthenticationCitesThePolicyInForce() {
        var exchange = arrived();
        gateway.serve(exchange, new Http(() -> Credentials.from(null, "ag_nope"), () -> {
            throw new AssertionError("no body is read before authentication");
        })).join();

        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.getInt("policy_version")).isEqualTo(1);
            assertThat(r.isNull("tenant")).isTrue();
        });
    }

    @Test
    void aJournalThatRefusesStopsTheRequestBeforeTheModel() {
        sink.writable = false;

        var reply = serve("Hello");

        assertThat(reply.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.AUDIT_UNAVAILABLE));
        assertThat(model.seen).isEmpty();
        assertThat(observer.ended).hasSize(1);
    }

    @Test
    void noThreadWaitsForTheModelAndTheCapCountsRequestsUntilTheyEnd() {
        model.working = new CompletableFuture<>();
        var first = serveAsync(acmeKey);
        var second = serveAsync(acmeKey);

        assertThat(first).as("serve returned while the model works").isNotDone();
        assertThat(second).isNotDone();
        var third = serveAsync(acmeKey).join();
        assertThat(third.problem()).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo(ProblemType.OVERLOADED);
            assertThat(p.retryAfterValue()).isPresent();
        });

        model.working.complete(null);
        assertThat(first.join().answer()).isPresent();
        assertThat(second.join().answer()).isPresent();
        assertThat(gateway.inFlight()).as("permits come back when requests end").isZero();
        assertThat(serveAsync(acmeKey).join().answer()).isPresent();
        assertThat(sink.records).hasSize(4);
    }

    private CompletableFuture<Reply> serveAsync(NewApiKey key) {
        var exchange = arrived();
        return gateway.serve(exchange, new Http(() -> Credentials.from(null, key.plaintext()),
                () -> chat(exchange, HAIKU, "Hello", null)));
    }

    @Test
    void aTenantAtItsConcurrencyLimitIsRefused429UntilItsRequestEnds() {
        model.working = new CompletableFuture<>();
        var first = serveAsync(soloKey);

        var second = serveAsync(soloKey).join();
        assertThat(second.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.RATE_LIMITED));
        assertThat(serveAsync(acmeKey)).as("another tenant is not limited by it").isNotDone();

        model.working.complete(null);
        assertThat(first.join().answer()).isPresent();
        assertThat(serveAsync(soloKey).join().answer()).as("the slot came back when the request ended").isPresent();
        assertThat(sink.records).filteredOn(r -> r.getJsonObject("outcome").getInt("http_status") == 429).hasSize(1);
    }

    @Test
    void aBrokenObserverChangesNothingOfTheAnswerOrItsRecord() {
        var broken = new Gateway(gatewayAuthentication, new Guardrails(), model, streams, audit, ending -> {
            throw new IllegalStateException("telemetry bug");
        }, 2);
        var exchange = arrived();

        var reply = broken.serve(exchange, new Http(() -> Credentials.from(null, acmeKey.plaintext()),
                () -> chat(exchange, HAIKU, "Hello", null))).join();

        assertThat(reply.answer()).isPresent();
        assertThat(sink.records).hasSize(1);
    }

    private CompletableFuture<Reply> serveStreamed(FlowFakes.Events events) {
        var exchange = arrived();
        var inbound = new Inbound() {
            @Override
            public Credential credential() {
                return Credentials.from(null, acmeKey.plaintext());
            }

            @Override
            public ChatRequest request() {
                var chat = chat(exchange, HAIKU, "Mail " + PLANTED_EMAIL, null);
                return new ChatRequest(chat.requestId(), chat.model(), chat.system(), chat.messages(), chat.inference(),
                        chat.metadata(), true);
            }

            @Override
            public AnswerEvents events() {
                return events;
            }
        };
        return gateway.serve(exchange, inbound);
    }

    @Test
    void aStreamedAnswerIsScreenedAsItFlowsAndItsRecordIsDurableBeforeTheLastEvent() {
        var events = new FlowFakes.Events();

        var reply = serveStreamed(events).join();

        assertThat(events.received.get(0)).startsWith("start ");
        assertThat(events.received.get(events.received.size() - 1)).isEqualTo("end redacted");
        assertThat(events.text()).startsWith("Noted. Reply sent to [EMAIL_").doesNotContain("ops@").endsWith("asked.");
        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.getJsonObject("stream").getString("ended")).isEqualTo("finished");
            assertThat(r.getJsonObject("response").getString("text")).isEqualTo(events.text());
        });
        assertThat(reply.ending().requestId()).isEqualTo(sink.records.get(0).getString("record_id"));
    }

    @Test
    void aStreamedToolCallReachesTheClientWholeAndMaskedAndItsRecordHoldsItMasked() {
        streams.deltas = List.of("I will mail them.");
        streams.toolCalls = List.of(new ToolCall("tooluse_1", "send_mail", ToolConversations.json(
                "{\"to\":\"" + PLANTED_EMAIL + "\",\"copies\":2}")));
        var events = new FlowFakes.Events();

        serveStreamed(events).join();

        assertThat(events.received).contains("tool 0 send_mail {\"to\":\"[EMAIL_1]\",\"copies\":2}");
        assertThat(events.received.get(events.received.size() - 1)).isEqualTo("end redacted");
        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.toString()).doesNotContain(PLANTED_EMAIL);
            assertThat(r.getJsonObject("response").getString("stop_reason")).isEqualTo("tool_use");
            assertThat(r.getJsonObject("response").getJsonArray("tool_calls").getJsonObject(0).getString("arguments"))
                    .isEqualTo("{\"to\":\"[EMAIL_1]\",\"copies\":2}");
            assertThat(r.getJsonObject("stream").getInt("chunks")).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aStreamOpensOnlyOnceItsBeginEntryIsDurableWhileTheModelIsCalledAtOnce() {
        sink.beginDurable = new CompletableFuture<>();
        var events = new FlowFakes.Events();

        var reply = serveStreamed(events);

        assertThat(sink.begins).as("journaled").hasSize(1);
        assertThat(streams.called).as("the model called at once: the fsync overlaps its first token").isDone();
        assertThat(events.received).as("nothing sent while the begin entry is not durable").isEmpty();
        sink.beginDurable.complete(null);
        reply.join();
        assertThat(events.received.get(0)).startsWith("start ");
        assertThat(events.received.get(events.received.size() - 1)).isEqualTo("end redacted");
    }

    @Test
    void aStreamWhoseBeginEntryCannotBeMadeDurableIsRefusedBeforeItOpens() {
        sink.beginDurable = new CompletableFuture<>();
        var events = new FlowFakes.Events();

        var pending = serveStreamed(events);
        sink.beginDurable.completeExceptionally(new java.io.IOException("disk full"));

        var reply = pending.join();

        assertThat(reply.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.AUDIT_UNAVAILABLE));
        assertThat(events.received).as("the stream never opened").isEmpty();
        assertThat(streams.cancelled).as("the model's call cancelled").isTrue();
        assertThat(sink.records).singleElement().satisfies(r -> assertThat(r.containsKey("stream")).isFalse());
    }

    @Test
    void aStreamTheModelBreaksEndsWithAnErrorEventAndOneRecordOfWhatWasSent() {
        streams.failure = new GatewayException(ProblemType.UPSTREAM_ERROR, "cut");
        var events = new FlowFakes.Events();

        serveStreamed(events).join();

        assertThat(events.received.get(events.received.size() - 1)).isEqualTo("error upstream-error");
        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.getJsonObject("stream").getString("ended")).isEqualTo("upstream-error");
            assertThat(r.getJsonObject("response").getString("text")).isEqualTo(events.text());
        });
    }

    @Test
    void aClientThatGoesAwayCancelsTheModelAndStillLeavesOneRecord() throws Exception {
        streams.deltas = java.util.Collections.nCopies(20, "word ");
        streams.pause = new CompletableFuture<>();
        var events = new FlowFakes.Events();
        var reply = serveStreamed(events);
        streams.firstDelivered.join();
        events.watched.join(); // the model is called before the stream opens: only an open stream can lose its client

        events.gone.run();

        reply.join();
        assertThat(streams.cancelled).isTrue();
        assertThat(sink.records).singleElement()
                .satisfies(r -> assertThat(r.getJsonObject("stream").getString("ended")).isEqualTo("client-closed"));
    }

    @Test
    void aThrottledModelFallsBackAndTheAnswerTheRecordAndTheEndingNameTheModelThatAnswered() {
        model.throttled = java.util.Set.of(HAIKU);

        var reply = serve(routedKey, HAIKU, "Hello", null);

        assertThat(reply.answer()).hasValueSatisfying(a -> assertThat(a.completion().model()).isEqualTo(SONNET));
        assertThat(sink.records).singleElement().satisfies(r -> {
            var recorded = r.getJsonObject("model");
            assertThat(recorded.getString("requested")).isEqualTo(HAIKU);
            assertThat(recorded.getString("resolved")).isEqualTo(SONNET);
            assertThat(recorded.getJsonArray("attempts").getValuesAs(jakarta.json.JsonObject.class))
                    .extracting(a -> a.getString("model") + " " + a.getString("outcome") + " " + a.getInt("attempt"))
                    .containsExactly(HAIKU + " throttled 1", SONNET + " answered 1");
            assertThat(r.getJsonObject("outcome").getInt("attempts")).isEqualTo(2);
        });
        assertThat(observer.ended).singleElement().satisfies(e -> {
            assertThat(e.answeringModel()).contains(SONNET);
            assertThat(e.answeredByFallback()).isTrue();
        });
    }

    @Test
    void whenEveryModelOfTheRouteFailsTheLastFailureIsTheAnswerAndEveryAttemptIsRecorded() {
        model.throttled = java.util.Set.of(HAIKU);
        model.behaviour = prompt -> {
            throw new GatewayException(ProblemType.MODEL_UNAVAILABLE, "The model provider is temporarily unavailable.");
        };

        var reply = serve(routedKey, HAIKU, "Hello", null);

        assertThat(reply.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.MODEL_UNAVAILABLE));
        assertThat(sink.records).singleElement().satisfies(r -> {
            assertThat(r.getJsonObject("outcome").getInt("http_status")).isEqualTo(503);
            assertThat(r.getJsonObject("model").containsKey("resolved")).isFalse();
            assertThat(r.getJsonObject("model").getJsonArray("attempts").getValuesAs(jakarta.json.JsonObject.class))
                    .extracting(a -> a.getString("model") + " " + a.getString("outcome"))
                    .containsExactly(HAIKU + " throttled", SONNET + " model-unavailable");
        });
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.answeringModel()).isEmpty());
    }

    @Test
    void anAnswerOfTheRequestedModelIsNoFallback() {
        var reply = serve(routedKey, HAIKU, "Hello", null);

        assertThat(reply.answer()).hasValueSatisfying(a -> assertThat(a.completion().model()).isEqualTo(HAIKU));
        assertThat(observer.ended).singleElement().satisfies(e -> assertThat(e.answeredByFallback()).isFalse());
    }

    @Test
    void aPinnedTenantIsRefused403WithTheReasonForAProfileOrAGatewayOutsideItsRegions() {
        var profile = serve(pinnedKey, "us." + HAIKU, "Hello", null);
        var plain = serve(pinnedKey, HAIKU, "Hello", null);

        assertThat(profile.problem()).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo(ProblemType.MODEL_NOT_ALLOWED);
            assertThat(p.detail()).contains("geography us.");
        });
        assertThat(plain.problem()).hasValueSatisfying(p -> assertThat(p.detail()).contains("us-east-1"));
        assertThat(model.seen).isEmpty();
        assertThat(sink.records).hasSize(2);
    }
}
