package io.auditgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A load-generator command's {@code --name value} options, checked against the names the command knows
 * ({@code --header} may repeat), and what the commands share: the target address and the prepared request.
 * Anything malformed is an {@link IllegalArgumentException} (usage, exit status 2).
 */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Options(List<String> args, Set<String> known) {
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs: --name value");
        }
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(i + 1));
        }
    }

    String text(String name) {
        var given = values.get(name);
        if (given == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return given.get(given.size() - 1);
    }

    double number(String name, double otherwise) {
        return values.containsKey(name) ? Double.parseDouble(text(name)) : otherwise;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Duration seconds(String name, double otherwise) {
        return Duration.ofMillis(Math.round(number(name, otherwise) * 1000));
    }

    URI url() {
        return URI.create(text("--url"));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(url().getHost(), url().getPort());
    }

    /** The POST of {@code --body-file} (stripped; empty without it) with every {@code --header}. */
    byte[] request() throws IOException {
        URI url = url();
        String body = has("--body-file") ? Files.readString(Path.of(text("--body-file"))).strip() : "";
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return HttpConnection.request("POST", url.getHost(), url.getPort(), path,
                values.getOrDefault("--header", List.of()), body);
    }
}
