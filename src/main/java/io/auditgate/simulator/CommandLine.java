package io.auditgate.simulator;

import java.util.List;

/**
 * The simulator's command-line options. Parsing either yields options, asks for help, or fails with an
 * {@link IllegalArgumentException} whose message says which option was wrong.
 *
 * @param options the options to run with
 * @param help    whether {@code --help} was given
 */
record CommandLine(SimulatorOptions options, boolean help) {

    static final int DEFAULT_PORT = 9100;
    private static final List<String> VALUED = List.of("--port", "--host", "--latency-ms", "--token-delay-ms",
            "--answer-tokens", "--chunk-words", "--chunk-chars");

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar bedrock-simulator.jar [options]",
            "  --port N            port to listen on (default 9100, 0 = any free port)",
            "  --host ADDRESS      address to bind (default 127.0.0.1)",
            "  --latency-ms N      delay added before every model response (default 0)",
            "  --token-delay-ms N  delay between streamed deltas (default 0)",
            "  --answer-tokens N   make every answer N tokens (4N characters) long (default 0 = natural)",
            "  --chunk-words N     words per streamed text delta (default 1)",
            "  --chunk-chars N     characters per streamed delta, instead of cutting at words",
            "  --help              print this text");

    static CommandLine parse(List<String> args) {
        var options = SimulatorOptions.defaults().withPort(DEFAULT_PORT);
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (name.equals("--help") || name.equals("-h")) {
                return new CommandLine(options, true);
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("Missing value for option " + name);
            }
            options = apply(options, name, args.get(++i));
        }
        return new CommandLine(options, false);
    }

    private static SimulatorOptions apply(SimulatorOptions options, String name, String value) {
        return switch (name) {
            case "--port" -> options.withPort(number(name, value, 65_535));
            case "--host" -> options.withHost(value);
            case "--latency-ms" -> options.withLatencyMs(number(name, value, Integer.MAX_VALUE));
            case "--token-delay-ms" -> options.withTokenDelayMs(number(name, value, Integer.MAX_VALUE));
            case "--answer-tokens" -> options.withAnswerTokens(number(name, value, Integer.MAX_VALUE));
            case "--chunk-words" -> options.withChunkWords(positive(name, value));
            case "--chunk-chars" -> options.withChunkChars(positive(name, value));
            default -> throw new IllegalArgumentException("Unknown option " + name);
        };
    }

    private static int positive(String name, String value) {
        int number = number(name, value, Integer.MAX_VALUE);
        if (number == 0) {
            throw new IllegalArgumentException("Option " + name + " must be at least 1");
        }
        return number;
    }

    private static int number(String name, String value, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < 0 || number > max) {
                throw new IllegalArgumentException("Option " + name + " must be between 0 and " + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + name + " needs a number: " + value);
        }
    }
}
