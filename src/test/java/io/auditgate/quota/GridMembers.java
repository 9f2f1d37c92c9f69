package io.auditgate.quota;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real embedded Hazelcast members in this JVM, joined over 127.0.0.1 TCP only (multicast and auto-detection off, no
 * phone-home), each its own cluster name per test so that tests never join each other.
 */
final class GridMembers implements AutoCloseable {

    private final List<HazelcastInstance> members = new ArrayList<>();

    static GridMembers start(int count) {
        var ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = freePort();
        }
        var cluster = "quota-test-" + UUID.randomUUID();
        var grid = new GridMembers();
        for (int i = 0; i < count; i++) {
            grid.members.add(Hazelcast.newHazelcastInstance(config(cluster, ports[i], ports)));
        }
        return grid;
    }

    private static Config config(String cluster, int port, int[] all) {
        var config = new Config().setClusterName(cluster).setInstanceName(cluster + "-" + port);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        var network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        var join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        var tcp = join.getTcpIpConfig().setEnabled(true);
        for (var other : all) {
            tcp.addMember("127.0.0.1:" + other);
        }
        return config;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HazelcastInstance get(int i) {
        return members.get(i);
    }

    /** The member that owns {@code key}'s partition. */
    HazelcastInstance ownerOf(String key) {
        var owner = members.get(0).getPartitionService().getPartition(key).getOwner();
        return members.stream().filter(m -> m.getLocalEndpoint().getUuid().equals(owner.getUuid())).findFirst()
                .orElseThrow();
    }

    HazelcastInstance other(HazelcastInstance member) {
        return members.stream().filter(m -> m != member).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        members.forEach(m -> {
            if (m.getLifecycleService().isRunning()) {
                m.getLifecycleService().terminate();
            }
        });
    }
}
