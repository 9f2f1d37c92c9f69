package io.auditgate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/local/jdk.sh}, which {@code .ci/run}, {@code run-local.sh} and the benchmark scripts source: on fake JDK
 * homes (a {@code release} file and a {@code bin/java}), with a default {@code java} of 17 first on PATH.
 */
class JdkChoiceTest {

    @TempDir
    Path dir;

    @Test
    void picksTheNewestJdkOf21OrLaterWhenTheDefaultJavaIsOlder() throws Exception {
        jdk("jvm/java-17", "17.0.15");
        jdk("jvm/java-21", "21.0.7");
        jdk("jvm/temurin-25", "25.0.3");

        var chosen = source(Map.of());

        assertThat(chosen.exit()).isZero();
        assertThat(chosen.out()).containsExactly(dir.resolve("jvm/temurin-25").toString(),
                dir.resolve("jvm/temurin-25/bin/java").toString());
    }

    @Test
    void keepsJavaHomeWhenItIs21OrLater() throws Exception {
        jdk("jvm/java-21", "21.0.7");
        jdk("jvm/temurin-25", "25.0.3");

        var chosen = source(Map.of("JAVA_HOME", dir.resolve("jvm/java-21").toString()));

        assertThat(chosen.out()).first().isEqualTo(dir.resolve("jvm/java-21").toString());
    }

    @Test
    void passesOverAJavaHomeOlderThan21() throws Exception {
        jdk("jvm/java-17", "17.0.15");
        jdk("jvm/temurin-25", "25.0.3");

        var chosen = source(Map.of("JAVA_HOME", dir.resolve("jvm/java-17").toString()));

        assertThat(chosen.out()).first().isEqualTo(dir.resolve("jvm/temurin-25").toString());
    }

    @Test
    void stopsWithAClearMessageWhenNoJdkIs21OrLater() throws Exception {
        jdk("jvm/java-17", "17.0.15");

        var chosen = source(Map.of());

        assertThat(chosen.exit()).isEqualTo(1);
        assertThat(chosen.out()).isEmpty();
        assertThat(chosen.err()).contains("AuditGate needs JDK 21 or newer", "JAVA_HOME");
    }

    private record Outcome(int exit, java.util.List<String> out, String err) {
    }

    /** Sources the script under {@code set -euo pipefail}, as the scripts do; prints JAVA_HOME and the java on PATH. */
    private Outcome source(Map<String, String> env) throws IOException, InterruptedException {
        var defaultJava = jdk("default-17", "17.0.15").resolve("bin");
        var script = Path.of("src/local/jdk.sh").toAbsolutePath();
        var builder = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; source \"$0\" || exit 1; echo \"$JAVA_HOME\"; command -v java", script.toString());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", defaultJava + ":/usr/bin:/bin");
        builder.environment().put("AUDITGATE_JDK_DIRS", dir.resolve("jvm").toString());
        builder.environment().putAll(env);
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), out.lines().toList(), err);
    }

    /** A fake JDK home: the {@code release} file real JDKs have, and a {@code bin/java} that prints its version. */
    private Path jdk(String name, String version) throws IOException {
        var home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        var java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
