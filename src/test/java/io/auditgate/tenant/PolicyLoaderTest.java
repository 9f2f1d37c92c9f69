package io.auditgate.tenant;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static io.auditgate.tenant.PolicyJson.key;
import static io.auditgate.tenant.PolicyJson.policy;
import static io.auditgate.tenant.PolicyJson.tenant;
import static io.auditgate.tenant.PolicyJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.conversation.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    private final PolicyLoader loader = new PolicyLoader();

    @TempDir
    Path dir;

    private InvalidPolicyException rejection(String json) {
        var file = write(dir.resolve("tenants.json"), json);
        return catchThrowableOfType(InvalidPolicyException.class, () -> loader.load(file));
    }

    @Test
    void loadsTenantsKeysModelsProfileAndLimits() {
        var json = policy(7, "{\"id\":\"acme\",\"api_keys\":[{\"key_id\":\"3f9a2c\",\"sha256\":\"" + HASH_A
                + "\",\"expires\":\"2030-01-01T00:00:00Z\",\"revoked\":true}],\"allowed_models\":[\"" + HAIKU + "\",\"" + SONNET
                + "\"],\"guardrail_profile\":\"strict\",\"limits\":{\"max_prompt_chars\":100,\"max_output_tokens\":50}}");

        var policy = loader.load(write(dir.resolve("tenants.json"), json));

        assertThat(policy.version()).isEqualTo(7);
        var acme = policy.tenant("acme").orElseThrow();
        assertThat(acme.apiKeys()).containsExactly(new ApiKeyEntry("3f9a2c", HASH_A, Instant.parse("2030-01-01T00:00:00Z"), true));
        assertThat(acme.allowedModels()).containsExactlyInAnyOrder(HAIKU, SONNET);
        assertThat(acme.guardrailProfile()).isEqualTo("strict");
        assertThat(acme.limits()).isEqualTo(new TenantLimits(100, 50));
    }

    /** A tenant without {@code images}, with {@code "allowed": true} alone, and with limits of its own. */
    private static String withImages(String id, String hash, String images) {
        return "{\"id\":\"" + id + "\",\"api_keys\":[{\"key_id\":\"" + id.charAt(0) + "3f9a2c\",\"sha256\":\"" + hash
                + "\"}],\"allowed_models\":[],\"guardrail_profile\":\"standard\","
                + "\"limits\":{\"max_prompt_chars\":1,\"max_output_tokens\":1}" + images + "}";
    }

    @Test
    void imagesAreAnOptInWithBedrocksLimitsUnlessNarrowed() {
        var policy = loader.load(write(dir.resolve("tenants.json"), policy(1, withImages("aaa", HASH_A, ""),
                withImages("bbb", HASH_B, ",\"images\":{\"allowed\":true}"),
                withImages("ccc", "c".repeat(64), ",\"images\":{\"allowed\":true,\"max_bytes\":1000,\"formats\":[\"png\"]}"))));

        assertThat(policy.tenant("aaa").orElseThrow().images()).isEqualTo(ImagePolicy.NONE);
        assertThat(policy.tenant("bbb").orElseThrow().images()).isEqualTo(new ImagePolicy(true, 3_750_000,
                EnumSet.allOf(ImageFormat.class)));
        assertThat(policy.tenant("ccc").orElseThrow().images()).isEqualTo(new ImagePolicy(true, 1000,
                EnumSet.of(ImageFormat.PNG)));
    }

    @Test
    void anImageLimitAboveBedrocksOrAnUnknownFormatIsRefused() {
        assertThat(rejection(policy(1, withImages("aaa", HASH_A, ",\"images\":{\"allowed\":true,\"max_bytes\":3750001}")))
                .jsonPath()).isEqualTo("$.tenants[0].images.max_bytes");
        assertThat(rejection(policy(1, withImages("aaa", HASH_A, ",\"images\":{\"allowed\":true,\"formats\":[\"bmp\"]}")))
                .jsonPath()).isEqualTo("$.tenants[0].images.formats[0]");
    }

    @Test
    void fingerprintIsTheSha256OfTheFileBytes() throws Exception {
        var file = write(dir.resolve("tenants.json"), policy(1, tenant("acme", key("3f9a2c", HASH_A), HAIKU)));

        assertThat(loader.load(file).fingerprint()).isEqualTo(Sha256.hex(Files.readAllBytes(file)));
    }

    @Test
    void anEmptyModelListAllowsNothing() {
        var policy = loader.load(write(dir.resolve("tenants.json"), policy(1, tenant("acme", ""))));

        assertThat(policy.tenant("acme").orElseThrow().allowedModels()).isEmpty();
    }

    @Test
    void aSchemaViolationNamesFileJsonPathAndReasonButNotTheValue() {
        var e = rejection(policy(1, tenant("acme", key("3f9a2c", HASH_A)), tenant("beta", key("4e8b1d", "NOT-A-HASH-VALUE"))));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[1].api_keys[0].sha256");
        assertThat(e.getMessage()).startsWith(dir.resolve("tenants.json") + ": $.tenants[1].api_keys[0].sha256: ")
                .contains("pattern").doesNotContain("NOT-A-HASH-VALUE");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        var e = rejection("{\"version\":1,\"tenants\":[{\"id\":\"acme\",\"api_keys\":[],\"allowed_models\":[],"
                + "\"limits\":{\"max_prompt_chars\":1,\"max_output_tokens\":1}}]}");

        assertThat(e.jsonPath()).isEqualTo("$.tenants[0]");
        assertThat(e.reason()).contains("guardrail_profile");
    }

    @Test
    void aMisspelledFieldIsRefused() {
        var e = rejection(policy(1, tenant("acme", "").replace("allowed_models", "alowed_models")));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[0]");
        assertThat(e.reason()).contains("alowed_models");
    }

    @Test
    void anExpiryThatIsNotAnInstantIsRefused() {
        var e = rejection(policy(1, tenant("acme", "{\"key_id\":\"3f9a2c\",\"sha256\":\"" + HASH_A + "\",\"expires\":\"next tuesday\"}")));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[0].api_keys[0].expires");
    }

    @Test
    void duplicateTenantIdsAreRefused() {
        var e = rejection(policy(1, tenant("acme", key("3f9a2c", HASH_A)), tenant("acme", key("4e8b1d", HASH_B))));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[1].id");
        assertThat(e.reason()).isEqualTo("duplicate tenant id (first at $.tenants[0])");
    }

    @Test
    void duplicateKeyIdsAcrossTenantsAreRefused() {
        var e = rejection(policy(1, tenant("acme", key("3f9a2c", HASH_A)), tenant("beta", key("3f9a2c", HASH_B))));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[1].api_keys[0].key_id");
        assertThat(e.reason()).isEqualTo("duplicate key id (first at $.tenants[0].api_keys[0].key_id)");
    }

    @Test
    void duplicateKeyHashesAreRefused() {
        var e = rejection(policy(1, tenant("acme", key("3f9a2c", HASH_A) + "," + key("4e8b1d", HASH_A))));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[0].api_keys[1].sha256");
        assertThat(e.reason()).startsWith("duplicate key hash");
    }

    @Test
    void brokenJsonIsRefusedWithItsLine() {
        var e = rejection("{\"version\":1,\n\"tenants\":[\n}");

        assertThat(e.jsonPath()).isEqualTo("$");
        assertThat(e.reason()).startsWith("not valid JSON at line 3");
    }

    @Test
    void aRepeatedJsonKeyIsRefusedRatherThanSilentlyOverridden() {
        var e = rejection(policy(1, tenant("acme", "", HAIKU).replace("\"allowed_models\"", "\"allowed_models\":[],\"allowed_models\"")));

        assertThat(e.jsonPath()).isEqualTo("$");
        assertThat(e.reason()).startsWith("not valid JSON");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        var file = dir.resolve("tenants.json");
        Files.write(file, new byte[] {'{', (byte) 0xC3, '}'});

        var e = catchThrowableOfType(InvalidPolicyException.class, () -> loader.load(file));

        assertThat(e.reason()).isEqualTo("not UTF-8");
    }

    @Test
    void aMissingFileIsRefusedWithItsPath() {
        var e = catchThrowableOfType(InvalidPolicyException.class, () -> loader.load(dir.resolve("absent.json")));

        assertThat(e.getMessage()).isEqualTo(dir.resolve("absent.json") + ": $: cannot be read (NoSuchFileException)");
    }

    @Test
    void aVersionBelowOneIsRefused() {
        var e = rejection(policy(0));

        assertThat(e.jsonPath()).isEqualTo("$.version");
    }
}
