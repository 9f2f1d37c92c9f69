package io.auditgate.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running Bedrock Runtime simulator: a JDK HTTP server with a virtual thread per request, so that slow or
 * delayed requests never starve the others. Start one with {@link #start(SimulatorOptions)} or from the command
 * line; {@link #close()} stops it and drops every open connection.
 */
public final class BedrockSimulator implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final String MAX_IDLE = "sun.net.httpserver.maxIdleConnections";

    static {
        // The JDK server flushes headers and body separately; with Nagle's algorithm on, every response then
        // waits for the client's delayed ACK (about 40 ms). Read once, when the first server in the JVM starts.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        // it keeps at most 200 idle keep-alive connections by default and closes the rest: a client with a thousand
        // pooled connections then meets closed ones (connection resets, which a gateway counts against the model)
        if (System.getProperty(MAX_IDLE) == null) {
            System.setProperty(MAX_IDLE, "16384");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Hangs hangs;

    private BedrockSimulator(HttpServer server, ExecutorService workers, Hangs hangs) {
        this.server = server;
        this.workers = workers;
        this.hangs = hangs;
    }

    public static void main(String[] args) {
        Launch launch = launch(args, System.out, System.err);
        if (launch.simulator().isEmpty()) {
            System.exit(launch.exitStatus());
        }
        BedrockSimulator simulator = launch.simulator().get();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "bedrock-simulator-shutdown"));
    }

    /** Parses the command line and starts the simulator, or says why not and with which exit status. */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(CommandLine.USAGE);
            return new Launch(2, Optional.empty());
        }
        if (commandLine.help()) {
            out.println(CommandLine.USAGE);
            return new Launch(0, Optional.empty());
        }
        try {
            BedrockSimulator simulator = start(commandLine.options());
            out.println("Bedrock simulator listening on " + simulator.endpoint());
            out.flush();
            return new Launch(0, Optional.of(simulator));
        } catch (UncheckedIOException e) {
            err.println("Cannot listen on " + commandLine.options().host() + ":" + commandLine.options().port()
                    + ": " + e.getCause().getMessage());
            return new Launch(1, Optional.empty());
        }
    }

    /** Binds and starts a simulator; fails with {@link UncheckedIOException} when the address is taken. */
    public static BedrockSimulator start(SimulatorOptions options) {
        var faults = new Rules<Injection>();
        var answers = new Rules<AnswerScript>();
        var stats = new Stats();
        var hangs = new Hangs();
        var workers = workers();
        try {
            var server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), BACKLOG);
            server.createContext("/", new RuntimeHandler(new AdminCalls(faults, answers, stats),
                    new ModelCalls(options, faults, answers, stats, hangs)));
            server.setExecutor(workers);
            server.start();
            return new BedrockSimulator(server, workers, hangs);
        } catch (IOException e) {
            workers.shutdownNow();
            hangs.close();
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URI to give an SDK client as its endpoint override. */
    public URI endpoint() {
        String host = server.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        hangs.close();
        workers.shutdownNow();
    }

    /**
     * One virtual thread per request: a model's latency is a sleep, which holds no platform thread, so thousands of
     * requests can wait at once (a pool of 256 platform threads capped the benchmark's 1.5 s case at 256 in flight,
     * about 170 requests/s, whatever stood in front of it).
     */
    private static ExecutorService workers() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bedrock-simulator-", 1).factory());
    }

    /**
     * The outcome of a command-line start.
     *
     * @param exitStatus the status to exit with when nothing was started
     * @param simulator  the running simulator, if one was started
     */
    record Launch(int exitStatus, Optional<BedrockSimulator> simulator) {
    }
}
