package io.auditgate.it;

import io.auditgate.testing.Await;
import io.auditgate.testing.S3MockProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * N gateway processes ({@code target/auditgate.jar}) clustered over loopback TCP, as {@code src/local/run-local.sh
 * --instances N} and the CloudFormation instances start them (docs/architecture.md, "Platform"): each with its own
 * HTTP port, data-grid port, journal, store and audit instance, the same tenants policy, and a cluster name of its
 * own so that no other test's gateways can join. Never multicast: the member list names every member.
 */
final class GatewayCluster implements AutoCloseable {

    /** Boots overlap on a shared 2-core machine: three JVMs starting at once took over 4 minutes under load. */
    private static final Duration FORMED = Duration.ofSeconds(480);

    final List<GatewayProcess> members;

    private GatewayCluster(List<GatewayProcess> members) {
        this.members = members;
    }

    /**
     * Starts {@code size} members at once (their boots overlap) and waits until every one is ready and sees a grid
     * of {@code size} members. {@code env} is shared; {@code perMember} adds each member's own variables.
     */
    static GatewayCluster start(String name, int size, Map<String, String> env, Path workDir,
            IntFunction<Map<String, String>> perMember) throws IOException {
        var gridPorts = new ArrayList<Integer>();
        for (int i = 0; i < size; i++) {
            gridPorts.add(S3MockProcess.freePort());
        }
        var memberList = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        var clusterName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        var members = new ArrayList<GatewayProcess>();
        var cluster = new GatewayCluster(members);
        try {
            for (int i = 0; i < size; i++) {
                var memberEnv = new HashMap<>(env);
                memberEnv.putAll(perMember.apply(i));
                members.add(GatewayProcess.launch(name + "-" + i, memberEnv, workDir,
                        clusterArguments(memberList, gridPorts.get(i), clusterName, name + "-" + i)));
            }
            // every wait checks every member: one that exits or fails to deploy ends it at once, with its log
            Runnable running = () -> members.forEach(GatewayProcess::checkRunning);
            members.forEach(member -> member.awaitReady(FORMED, running));
            Await.until("a grid of " + size + " members seen by every member", FORMED, Duration.ofMillis(500), () -> {
                running.run();
                return members.stream().allMatch(member -> member.gridMembers() == size);
            });
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * What makes a member of a loopback cluster: the jar's baked {@code --nocluster} switched off with
     * {@link #CLUSTER_PROPERTIES} (docs/architecture.md, "Platform"), the member list, the loopback interface, this
     * member's grid port, the cluster's name, and the member's name.
     */
    static List<String> clusterArguments(String memberList, int gridPort, String clusterName, String memberName) {
        return List.of("--systemproperties", CLUSTER_PROPERTIES.toString(),
                "--clustermode", "tcpip:" + memberList, "--interfaces", "127.0.0.1",
                "--startport", Integer.toString(gridPort), "--clustername", clusterName, "--name", memberName);
    }

    /** src/main/payara/cluster.properties: the one property that turns the jar's clustering on. */
    static final Path CLUSTER_PROPERTIES = Path.of("src", "main", "payara", "cluster.properties").toAbsolutePath();

    GatewayProcess member(int index) {
        return members.get(index);
    }

    @Override
    public void close() {
        members.forEach(GatewayProcess::close);
    }
}
