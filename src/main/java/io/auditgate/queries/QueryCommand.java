package io.auditgate.queries;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -jar target/auditgate-queries.jar --dir <store> --query <name> [--param name=value]... [--csv]}: runs
 * one auditor query on a local audit store and prints its rows; {@code --list} names the queries and their
 * parameters. Exit status 0 with the rows (none is an answer too), 2 for a usage, store or query error, explained
 * in one line on standard error.
 */
public final class QueryCommand {

    static final String USAGE = "usage: java -jar auditgate-queries.jar --dir <audit store> --query <name>"
            + " [--param from=YYYY-MM-DD] [--param to=YYYY-MM-DD] [--param tenant=<id>] [--csv]  |  --list";

    private QueryCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Parameters.todayUtc(), System.out, System.err));
    }

    /**
     * Runs the command line {@code args} with {@code today} as the default day.
     *
     * @return the exit status: 0 on success, 2 on any error
     */
    public static int run(String[] args, LocalDate today, PrintStream out, PrintStream err) {
        try {
            var command = CommandLine.parse(args);
            if (command.list()) {
                list(out);
                return 0;
            }
            var query = AuditorQuery.named(command.query()).orElseThrow(() -> new UsageException(
                    "no query " + command.query() + "; --list shows them"));
            var unused = command.params().keySet().stream().filter(p -> !query.reads().contains(p)).findFirst();
            if (unused.isPresent()) {
                throw new UsageException(query.name() + " takes no parameter " + unused.get().option
                        + " (it takes " + options(query) + ")");
            }
            var missing = query.requires().stream().filter(p -> !command.params().containsKey(p)).findFirst();
            if (missing.isPresent()) {
                throw new UsageException(query.name() + " needs --param " + missing.get().option + "=...");
            }
            var parameters = Parameters.of(command.params(), today);
            try (var trail = LocalTrail.open(command.dir())) {
                var result = trail.run(query, parameters);
                if (command.csv()) {
                    result.printCsv(out);
                } else {
                    result.printTable(out);
                }
            }
            return 0;
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SQLException | RuntimeException e) {
            err.println("query failed: " + firstLine(e));
            return 2;
        }
    }

    private static void list(PrintStream out) {
        for (var query : AuditorQuery.all()) {
            out.println(query.name() + " (" + options(query) + "): " + query.title());
        }
    }

    private static String options(AuditorQuery query) {
        return query.reads().stream().sorted()
                .map(p -> query.requires().contains(p) ? p.option + ", required" : p.option)
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(Exception e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message);
    }

    /** What the command line asks for. */
    record CommandLine(boolean list, Path dir, String query, Map<Param, String> params, boolean csv) {

        static CommandLine parse(String[] args) {
            Path dir = null;
            String query = null;
            var params = new EnumMap<Param, String>(Param.class);
            boolean list = false;
            boolean csv = false;
            for (int i = 0; i < args.length; i++) {
                var option = args[i];
                if (option.equals("--list") || option.equals("--csv")) {
                    list |= option.equals("--list");
                    csv |= option.equals("--csv");
                    continue;
                }
                if (i + 1 >= args.length || !option.startsWith("--")) {
                    throw new UsageException(USAGE);
                }
                var value = args[++i];
                switch (option) {
                    case "--dir" -> dir = Path.of(value);
                    case "--query" -> query = value;
                    case "--param" -> param(value, params);
                    default -> throw new UsageException(USAGE);
                }
            }
            if (!list && (dir == null || query == null)) {
                throw new UsageException(USAGE);
            }
            return new CommandLine(list, dir, query, params, csv);
        }

        private static void param(String assignment, Map<Param, String> params) {
            var equals = assignment.indexOf('=');
            var param = equals < 0 ? null : Param.named(assignment.substring(0, equals)).orElse(null);
            if (param == null) {
                throw new UsageException("--param takes from=YYYY-MM-DD, to=YYYY-MM-DD or tenant=<id>");
            }
            if (params.put(param, assignment.substring(equals + 1)) != null) {
                throw new UsageException("--param " + param.option + " is given twice");
            }
        }
    }
}
