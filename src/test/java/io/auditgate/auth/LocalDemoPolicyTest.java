package io.auditgate.auth;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.tenant.PolicyLoader;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local profile's demo policy and the example in docs/tenants.md validate; the documented demo keys work. */
class LocalDemoPolicyTest {

    private static final String OPUS = "anthropic.claude-3-opus-20240229-v1:0";

    static final String DEMO_KEY = "ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0";
    static final String RESTRICTED_KEY = "ag_9aae0afd_oEn3rISoy4ElGt2rNgqlUptU22gqNJ0Km72DebFLkUc";
    static final String LIMITED_KEY = "ag_1c44ff6b_5jE55TkKTnxCF-OuOQk76mZBFD78LJ22woIExi28MZM";

    @TempDir
    Path dir;

    private TenantsPolicy load() throws Exception {
        try (var in = LocalDemoPolicyTest.class.getResourceAsStream("/local/tenants.json")) {
            var file = dir.resolve("tenants.json");
            Files.write(file, in.readAllBytes());
            return new PolicyLoader().load(file);
        }
    }

    @Test
    void theDemoPolicyValidatesAgainstTheSchema() throws Exception {
        assertThat(load().tenants()).extracting(Tenant::id).containsExactly("demo", "demo-restricted", "demo-limited");
    }

    @Test
    void theDemoKeyMayUseHaikuSonnetAndOpusWhichFallsBackToHaiku() throws Exception {
        var caller = new ApiKeys(load()).authenticate(DEMO_KEY, Instant.now()).orElseThrow();

        assertThat(caller.tenantId()).isEqualTo("demo");
        assertThat(caller.allowedModels()).containsExactlyInAnyOrder(HAIKU, SONNET, OPUS);
        assertThat(caller.tenant().fallbacksOf(OPUS)).containsExactly(HAIKU);
        assertThat(caller.tenant().fallbacksOf(SONNET)).isEmpty();
    }

    @Test
    void theRestrictedDemoKeyMayUseHaikuOnly() throws Exception {
        var caller = new ApiKeys(load()).authenticate(RESTRICTED_KEY, Instant.now()).orElseThrow();

        assertThat(caller.tenantId()).isEqualTo("demo-restricted");
        assertThat(caller.allowedModels()).containsExactly(HAIKU);
    }

    /** README's two-instance acceptance: 60 concurrent requests over two instances give exactly 20 answers. */
    @Test
    void theLimitedDemoKeyMayMakeTwentyRequestsAMinute() throws Exception {
        var caller = new ApiKeys(load()).authenticate(LIMITED_KEY, Instant.now()).orElseThrow();

        assertThat(caller.tenantId()).isEqualTo("demo-limited");
        assertThat(caller.tenant().limits().requestsPerMinute()).isEqualTo(20);
    }

    @Test
    void theDocumentedKeysAreTheOnesInTheDoc() throws Exception {
        var doc = Files.readString(Path.of("docs/tenants.md"));

        assertThat(doc).contains(DEMO_KEY, RESTRICTED_KEY, LIMITED_KEY);
        assertThat(Files.readString(Path.of("README.md"))).contains(LIMITED_KEY);
    }

    @Test
    void theExampleInTheDocValidates() throws Exception {
        var doc = Files.readString(Path.of("docs/tenants.md"));
        var example = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("```", doc.indexOf("```json\n") + 8));

        var policy = new PolicyLoader().load(io.auditgate.tenant.PolicyJson.write(dir.resolve("example.json"), example));

        assertThat(policy.tenant("claims-team").orElseThrow().apiKeys()).hasSize(3);
    }
}
