package io.auditgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLocationTest {

    @TempDir
    Path dir;

    @Test
    void aPlainValueNamesAFileThatCanChange() {
        var location = PolicyLocation.of("/etc/auditgate/tenants.json");

        assertThat(location).isEqualTo(new PolicyLocation.File(Path.of("/etc/auditgate/tenants.json")));
        assertThat(location.changes()).isTrue();
    }

    @Test
    void aRelativeFileIsReadFromTheWorkingDirectory() {
        var location = PolicyLocation.of("src/main/resources/local/tenants.json");

        assertThat(location.label()).isEqualTo(Path.of("src/main/resources/local/tenants.json"));
        assertThat(new PolicyLoader().load(location).tenants()).isNotEmpty();
    }

    @Test
    void theClasspathPrefixNamesAResourceThatNeverChanges() {
        var location = PolicyLocation.of("classpath:local/tenants.json");

        assertThat(location).isEqualTo(new PolicyLocation.Resource("local/tenants.json"));
        assertThat(location.changes()).isFalse();
        assertThat(location).hasToString("classpath:local/tenants.json");
    }

    @Test
    void theShippedDemoPolicyIsTheLocalProfilesFile() throws Exception {
        var shipped = PolicyLocation.of("classpath:local/tenants.json").read();

        assertThat(shipped).isEqualTo(Files.readAllBytes(Path.of("src/main/resources/local/tenants.json")));
    }

    @Test
    void theShippedDemoPolicyLoadsWithItsDemoTenant() {
        var holder = new PolicyHolder(PolicyLocation.of("classpath:local/tenants.json"));

        assertThat(holder.policy().tenants()).extracting(Tenant::id).contains("demo");
        assertThat(holder.reloadIfChanged()).isFalse();
    }

    @Test
    void aMissingResourceIsRefusedNamingIt() {
        assertThatThrownBy(() -> new PolicyHolder(PolicyLocation.of("classpath:local/missing.json")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessage("classpath:local/missing.json: $: cannot be read (NoSuchFileException)");
    }

    @Test
    void anInvalidResourceNameIsRefused() {
        assertThatThrownBy(() -> PolicyLocation.of("classpath:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyLocation.of("classpath:/local/tenants.json"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyLocation.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileLocationIsStillReloaded() {
        var file = PolicyJson.write(dir.resolve("tenants.json"), PolicyJson.policy(1));
        var holder = new PolicyHolder(PolicyLocation.of(file.toString()));

        PolicyJson.write(file, PolicyJson.policy(2));

        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.policy().version()).isEqualTo(2);
    }
}
