package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.simulator.BedrockSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How {@code target/auditgate.jar} clusters (docs/architecture.md, "Platform"): two members started with
 * {@code src/main/payara/cluster.properties} and a loopback member list form one data grid; a third gateway started
 * at the same time with no cluster flag at all stays a grid of one. Issue 18's quota scenarios are {@link ClusterQuotaIT}.
 */
class ClusterIT {

    private static Path work;
    private static BedrockSimulator simulator;
    private static GatewayProcess alone;
    private static GatewayCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("it.audit.dir"), "cluster"));
        simulator = ItGateway.simulator();
        // launched first so that its boot overlaps the cluster's: three boots in the time of one and a half
        alone = GatewayProcess.launch("alone", memberEnv("alone"), work, java.util.List.of());
        cluster = GatewayCluster.start("formation", 2, Map.of(), work, i -> memberEnv("formation-" + i));
        alone.awaitReady(java.time.Duration.ofSeconds(480));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (alone != null) {
            alone.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Each its own journal, store and audit instance (one chain per instance, as on EC2). */
    static Map<String, String> memberEnv(String name) {
        return Map.of("AUDIT_JOURNAL_DIR", work.resolve(name + "/journal").toString(),
                "AUDIT_LOCAL_DIR", work.resolve(name + "/store").toString(), "AUDIT_INSTANCE", name);
    }

    @Test
    void membersStartedWithTheClusterSwitchFormOneGridOverLoopback() {
        assertThat(cluster.members).allSatisfy(member -> assertThat(member.gridMembers()).isEqualTo(2));
        assertThat(cluster.members).allSatisfy(member -> assertThat(member.log())
                .containsPattern("DG Name: formation-\\w+ DG Size: 2")
                .doesNotContainPattern("DataGrid: .* Address: /(?!127\\.0\\.0\\.1:)"));
    }

    @Test
    void aStartWithoutClusterFlagsJoinsNothingButItself() {
        assertThat(alone.gridMembers()).isEqualTo(1);
        assertThat(alone.log()).containsPattern("DataGrid: .* Address: /127\\.0\\.0\\.1:\\d+")
                .doesNotContain("DG Size: 2").doesNotContainIgnoringCase("multicast");
    }

    @Test
    void everyMemberAnswersWithTheSamePolicy() {
        for (var member : cluster.members) {
            var answer = Http.postJson(member.base.resolve("/invoke"),
                    "{\"prompt\":\"Say hello.\"}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }
}
