package io.auditgate.it;

import io.auditgate.testing.BootWatch;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as its own operating-system process, exactly as deployed: {@code java -jar target/auditgate.jar}
 * (Payara Micro with {@code --nocluster --disablephonehome} baked in), bound to loopback, configured by environment
 * variables. Unlike the Arquillian container it can be killed with SIGKILL and started again on the same journal.
 */
final class GatewayProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** IT settings inherited from failsafe that must not shape a load test (a bulkhead of 4 would refuse load). */
    private static final String IN_FLIGHT = "GATEWAY_MAX_IN_FLIGHT";

    private final Process process;
    private final Path log;
    private final BootWatch watch;
    final URI base;

    private GatewayProcess(Process process, Path log, long logStart, String name, URI base) {
        this.process = process;
        this.log = log;
        this.watch = BootWatch.of("gateway " + name, process, log, logStart);
        this.base = base;
    }

    /** Starts the gateway with failsafe's IT environment plus {@code env}, and waits until it is ready. */
    static GatewayProcess start(String name, Map<String, String> env, Path workDir) throws IOException {
        var gateway = launch(name, env, workDir, List.of());
        try {
            gateway.awaitReady(Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    /**
     * Starts the process and returns at once (the caller waits with {@link #awaitReady}): {@code java -jar
     * auditgate.jar --port P} with the loopback pre-boot file, then {@code arguments} (e.g. a cluster's).
     */
    static GatewayProcess launch(String name, Map<String, String> env, Path workDir, List<String> arguments)
            throws IOException {
        int port = io.auditgate.testing.S3MockProcess.freePort();
        var tmp = Files.createDirectories(workDir.resolve("tmp-" + name));
        var log = workDir.resolve(name + ".log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        command.add("-Xmx512m");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dhazelcast.socket.bind.any=false"); // with the preboot file: the data grid on loopback only
        command.add("-jar");
        command.add(System.getProperty("it.gateway.jar"));
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--prebootcommandfile");
        command.add(System.getProperty("it.loopback.asadmin"));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove(IN_FLIGHT);
        builder.environment().putAll(env);
        long logStart = Files.exists(log) ? Files.size(log) : 0; // a restart on the same work dir appends
        return new GatewayProcess(builder.start(), log, logStart, name, URI.create("http://127.0.0.1:" + port + "/"));
    }

    /**
     * Waits until {@code /health/ready} answers 200; fails at once if the process exits or its log shows a failed
     * deployment, and after {@code timeout} with its readiness and a thread dump (see {@link BootWatch}).
     */
    void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> { });
    }

    /** As {@link #awaitReady(Duration)}, running {@code meanwhile} at every poll (a cluster checks its other members). */
    void awaitReady(Duration timeout, Runnable meanwhile) {
        watch.await(timeout, () -> {
            meanwhile.run();
            return status("/health/ready") == 200;
        }, this::stuck);
    }

    /** Throws, quoting its log, if this gateway has exited or failed to deploy. */
    void checkRunning() {
        watch.check();
    }

    private String stuck() {
        int status = status("/health/ready");
        var health = status > 0 ? Http.get(base.resolve("/health/ready")).body() : "no answer";
        return status + ": " + health + "; threads " + threadDump();
    }

    /** For a gateway that never got ready: its threads ({@code jstack}) beside its log. */
    private Path threadDump() {
        var dump = Path.of(log + ".threads.txt");
        try {
            var jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
            new ProcessBuilder(jstack, Long.toString(process.pid())).redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return Path.of("(jstack failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    /** The status of a GET, or -1 when nothing answers. */
    int status(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * How many members this gateway's data grid has, from {@code /health/ready}'s {@code data-grid} check
     * (grid.GridReadiness), or -1 when there is no such check.
     */
    int gridMembers() {
        var body = Json.createReader(new StringReader(Http.get(base.resolve("/health/ready")).body())).readObject();
        return body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("data-grid"))
                .mapToInt(check -> membersOf(check.getJsonObject("data"))).findFirst().orElse(-1);
    }

    /** Payara's health JSON gives a check's {@code long} data as a string ("2"); a number is read too. */
    private static int membersOf(JsonObject data) {
        var members = data.get("members");
        return members instanceof jakarta.json.JsonString text ? Integer.parseInt(text.getString())
                : ((jakarta.json.JsonNumber) members).intValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A gauge from {@code /metrics} (Prometheus text), e.g. {@code auditgate_audit_backlog_records}. */
    long gauge(String name) {
        var text = Http.get(base.resolve("/metrics")).body();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    /** SIGKILL: no shutdown hook, no drain; whatever the journal holds is all that survives. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the graceful path, which drains the journal to the store before the process ends. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
