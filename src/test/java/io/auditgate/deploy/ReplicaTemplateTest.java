package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19, a second copy of the evidence: optional replication to another region's Object Lock bucket. */
class ReplicaTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theAuditBucketReplicatesToTheReplicaWithItsOwnKeyWhenOneIsGiven() {
        JsonNode choice = template.properties("AuditBucket").at("/ReplicationConfiguration/Fn::If");
        JsonNode rule = choice.at("/1/Rules/0");

        assertThat(choice.get(0).asText()).isEqualTo("WithReplica");
        assertThat(choice.at("/2/Ref").asText()).isEqualTo("AWS::NoValue");
        assertThat(rule.at("/Destination/Bucket/Ref").asText()).isEqualTo("ReplicaBucketArn");
        assertThat(rule.at("/Destination/EncryptionConfiguration/ReplicaKmsKeyID/Ref").asText()).isEqualTo("ReplicaKmsKeyArn");
        assertThat(rule.at("/DeleteMarkerReplication/Status").asText()).isEqualTo("Disabled");
        assertThat(template.root().at("/Parameters/ReplicaBucketArn/Default").asText()).isEmpty();
    }

    @Test
    void theReplicationRoleNeverDeletes() {
        List<String> actions = CfnTemplate.statements(template.properties("ReplicationPolicy").path("PolicyDocument")).stream()
                .flatMap(s -> CfnTemplate.strings(s.path("Action")).stream()).toList();

        assertThat(actions).contains("s3:ReplicateObject", "s3:GetObjectRetention")
                .noneMatch(a -> a.contains("Delete") || a.endsWith("*"));
        assertThat(template.resource("ReplicationRole").path("Condition").asText()).isEqualTo("WithReplica");
    }
}
