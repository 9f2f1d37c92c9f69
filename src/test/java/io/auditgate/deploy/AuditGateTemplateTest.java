package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a security review checks first, read straight from cloudformation/auditgate.yaml. */
class AuditGateTemplateTest {

    /** Concrete actions the instance role must never be able to perform, however its actions are spelled. */
    private static final List<String> FORBIDDEN_FOR_INSTANCES = List.of(
            "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteObjectTagging", "s3:DeleteBucket",
            "s3:DeleteBucketPolicy", "s3:BypassGovernanceRetention", "s3:PutBucketPolicy", "s3:PutBucketVersioning",
            "s3:PutBucketObjectLockConfiguration", "s3:PutBucketAcl", "s3:PutBucketPublicAccessBlock",
            "s3:PutLifecycleConfiguration", "s3:PutObjectLegalHold", "kms:ScheduleKeyDeletion", "kms:DisableKey",
            "kms:PutKeyPolicy", "iam:PassRole");

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void auditBucketLocksEveryNewObjectInComplianceModeForTheRetentionParameter() {
        JsonNode bucket = template.properties("AuditBucket");

        assertThat(bucket.path("ObjectLockEnabled").asBoolean()).isTrue();
        assertThat(bucket.at("/ObjectLockConfiguration/ObjectLockEnabled").asText()).isEqualTo("Enabled");
        assertThat(bucket.at("/ObjectLockConfiguration/Rule/DefaultRetention/Mode").asText()).isEqualTo("COMPLIANCE");
        assertThat(bucket.at("/ObjectLockConfiguration/Rule/DefaultRetention/Days/Ref").asText()).isEqualTo("AuditRetentionDays");
        assertThat(bucket.at("/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
        assertThat(template.resource("AuditBucket").path("DeletionPolicy").asText()).isEqualTo("Retain");
    }

    @Test
    void auditBucketIsEncryptedWithTheRotatingCustomerManagedKeyAndClosedToThePublic() {
        JsonNode bucket = template.properties("AuditBucket");
        JsonNode sse = bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault");

        assertThat(sse.path("SSEAlgorithm").asText()).isEqualTo("aws:kms");
        assertThat(sse.at("/KMSMasterKeyID/Fn::GetAtt/0").asText()).isEqualTo("AuditKey");
        assertThat(template.properties("AuditKey").path("EnableKeyRotation").asBoolean()).isTrue();
        assertThat(bucket.path("PublicAccessBlockConfiguration").properties())
                .extracting(e -> e.getValue().asBoolean()).hasSize(4).containsOnly(true);
        assertThat(bucket.at("/LoggingConfiguration/DestinationBucketName/Ref").asText()).isEqualTo("LogBucket");
    }

    @Test
    void digestSigningKeyIsAnAsymmetricP256SigningKey() {
        JsonNode key = template.properties("SigningKey");

        assertThat(key.path("KeySpec").asText()).isEqualTo("ECC_NIST_P256");
        assertThat(key.path("KeyUsage").asText()).isEqualTo("SIGN_VERIFY");
    }

    @Test
    void auditBucketPolicyDeniesInsecureTransportAndUnencryptedUploads() {
        List<JsonNode> denies = CfnTemplate.statements(template.properties("AuditBucketPolicy").path("PolicyDocument"))
                .stream().filter(s -> s.path("Effect").asText().equals("Deny")).toList();

        assertThat(denies).anySatisfy(s -> {
            assertThat(s.path("Principal").asText()).isEqualTo("*");
            assertThat(s.path("Action").asText()).isEqualTo("s3:*");
            assertThat(s.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
            assertThat(s.path("Resource")).hasSize(2);
        });
        assertThat(denies).anySatisfy(s -> {
            assertThat(s.path("Action").asText()).isEqualTo("s3:PutObject");
            assertThat(s.at("/Condition/Null/s3:x-amz-server-side-encryption").asText()).isEqualTo("true");
        });
        assertThat(denies).anySatisfy(s -> {
            assertThat(s.path("Action").asText()).isEqualTo("s3:PutObject");
            assertThat(s.at("/Condition/StringNotEquals/s3:x-amz-server-side-encryption").asText()).isEqualTo("aws:kms");
        });
    }

    @Test
    void everyBucketRefusesPlainHttp() {
        for (String policy : template.logicalIdsOfType("AWS::S3::BucketPolicy")) {
            assertThat(CfnTemplate.statements(template.properties(policy).path("PolicyDocument"))).as(policy)
                    .anySatisfy(s -> {
                        assertThat(s.path("Effect").asText()).isEqualTo("Deny");
                        assertThat(s.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
                    });
        }
        assertThat(template.logicalIdsOfType("AWS::S3::BucketPolicy")).hasSameSizeAs(template.logicalIdsOfType("AWS::S3::Bucket"));
    }

    @Test
    void instanceRoleCannotDeleteBypassRetentionOrReconfigureBuckets() {
        List<String> actions = instanceRoleStatements().stream()
                .peek(s -> assertThat(s.has("NotAction")).as("NotAction in " + s).isFalse())
                .filter(s -> s.path("Effect").asText().equals("Allow"))
                .flatMap(s -> CfnTemplate.strings(s.path("Action")).stream())
                .toList();

        assertThat(actions).isNotEmpty();
        for (String action : actions) {
            Pattern granted = Pattern.compile(action.replace("*", ".*").replace("?", "."), Pattern.CASE_INSENSITIVE);
            assertThat(FORBIDDEN_FOR_INSTANCES).as("granted " + action).noneMatch(f -> granted.matcher(f).matches());
            assertThat(action).doesNotStartWithIgnoringCase("s3:Delete").doesNotStartWithIgnoringCase("s3:PutBucket");
        }
    }

    @Test
    void instanceRoleWritesAuditDataOnlyUnderTheAuditPrefix() {
        List<JsonNode> auditStatements = instanceRoleStatements().stream()
                .filter(s -> s.path("Resource").toString().contains("AuditBucket"))
                .toList();

        assertThat(auditStatements).isNotEmpty().allSatisfy(s -> {
            String resource = s.path("Resource").toString();
            List<String> actions = CfnTemplate.strings(s.path("Action"));
            if (actions.equals(List.of("s3:ListBucket"))) {
                assertThat(s.at("/Condition/StringLike/s3:prefix/Fn::Sub").asText()).isEqualTo("${AuditPrefix}/*");
            } else {
                assertThat(resource).contains("${AuditBucket.Arn}/${AuditPrefix}/*");
                assertThat(actions).containsExactlyInAnyOrder("s3:PutObject", "s3:PutObjectRetention", "s3:GetObject");
            }
        });
    }

    @Test
    void bedrockIsReachableOnlyForTheModelAndGuardrailParameters() {
        List<JsonNode> bedrock = instanceRoleStatements().stream()
                .filter(s -> s.path("Action").toString().contains("bedrock:"))
                .toList();

        assertThat(bedrock).hasSize(2);
        assertThat(bedrock).anySatisfy(s -> {
            assertThat(CfnTemplate.strings(s.path("Action")))
                    .containsExactlyInAnyOrder("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");
            assertThat(s.at("/Resource/Ref").asText()).isEqualTo("BedrockModelArns");
        });
        assertThat(bedrock).anySatisfy(s -> {
            assertThat(CfnTemplate.strings(s.path("Action"))).containsExactly("bedrock:ApplyGuardrail");
            assertThat(s.at("/Resource/Ref").asText()).isEqualTo("BedrockGuardrailArns");
        });
    }

    @Test
    void launchTemplateRequiresImdsV2EncryptsEbsAndGivesNoPublicIp() {
        JsonNode data = template.properties("LaunchTemplate").path("LaunchTemplateData");

        assertThat(data.at("/MetadataOptions/HttpTokens").asText()).isEqualTo("required");
        assertThat(data.at("/MetadataOptions/HttpPutResponseHopLimit").asInt()).isEqualTo(1);
        assertThat(data.path("BlockDeviceMappings")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.at("/Ebs/Encrypted").asBoolean()).isTrue());
        assertThat(data.path("NetworkInterfaces")).allSatisfy(
                n -> assertThat(n.path("AssociatePublicIpAddress").asBoolean(true)).isFalse());
        assertThat(template.root().at("/Parameters/AmiId/Type").asText()).isEqualTo("AWS::EC2::Image::Id");
    }

    @Test
    void userDataRunsPayaraAsItsOwnUserOverTcpClusteringWithoutPhoneHome() {
        String userData = template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();

        assertThat(userData)
                .contains("dnf install -y aws-cfn-bootstrap java-21-amazon-corretto-headless amazon-cloudwatch-agent")
                .contains("--disablephonehome")
                .contains("--clustermode \"tcpip:$members\"")
                .contains("--systemproperties /etc/auditgate/cluster.properties",
                        "printf 'payaramicro.noCluster=false\\n' > /etc/auditgate/cluster.properties")
                .as("the jar is used as built, never rewritten at boot (issue 19)")
                .doesNotContain("zipfile", "payaramicro.properties", "auditgate-release.jar")
                .contains("-Dhazelcast.socket.bind.any=false")
                .contains("User=auditgate")
                .contains("BEDROCK_REGION=", "TENANTS_POLICY_FILE=", "AUDIT_BUCKET=", "AUDIT_PREFIX=",
                        "AUDIT_KMS_KEY_ID=", "AUDIT_RETENTION=P", "AUDIT_SIGNING_KMS_KEY_ID=", "AUDIT_STORE=s3", "AUDIT_REGION=")
                .contains("complete-lifecycle-action")
                .doesNotContain("multicast:", "--mcaddress", "--mcport");
    }

    @Test
    void logsAndTheAlarmTopicAreKmsEncrypted() {
        for (String group : template.logicalIdsOfType("AWS::Logs::LogGroup")) {
            assertThat(template.properties(group).at("/KmsKeyId/Fn::GetAtt/0").asText()).as(group).isEqualTo("OpsKey");
            assertThat(template.properties(group).has("RetentionInDays")).as(group).isTrue();
        }
        assertThat(template.properties("AlarmTopic").at("/KmsMasterKeyId/Fn::GetAtt/0").asText()).isEqualTo("OpsKey");
        assertThat(template.properties("OpsKey").path("EnableKeyRotation").asBoolean()).isTrue();
    }

    @Test
    void onlyPostInvokeIsPublishedOnTheProdStageWithAccessLogsAndThrottling() {
        List<String> methods = template.logicalIdsOfType("AWS::ApiGateway::Method").stream()
                .map(id -> template.properties(id).path("HttpMethod").asText() + " "
                        + template.properties(template.properties(id).at("/ResourceId/Ref").asText()).path("PathPart").asText())
                .toList();
        JsonNode stage = template.properties("ProdStage");

        assertThat(methods).containsExactly("POST invoke");
        assertThat(template.logicalIdsOfType("AWS::ApiGateway::Resource")).containsExactly("InvokeResource");
        assertThat(stage.path("StageName").asText()).isEqualTo("prod");
        assertThat(stage.at("/AccessLogSetting/DestinationArn/Fn::GetAtt/0").asText()).isEqualTo("ApiAccessLogGroup");
        assertThat(stage.at("/MethodSettings/0/ThrottlingRateLimit/Ref").asText()).isEqualTo("ThrottlingRateLimit");
        assertThat(stage.at("/MethodSettings/0/ThrottlingBurstLimit/Ref").asText()).isEqualTo("ThrottlingBurstLimit");
        assertThat(stage.at("/MethodSettings/0/DataTraceEnabled").asBoolean(true)).isFalse();
        assertThat(template.properties("InvokeMethod").at("/Integration/ConnectionType").asText()).isEqualTo("VPC_LINK");
        assertThat(template.properties("LoadBalancer").path("Scheme").asText()).isEqualTo("internal");
        assertThat(template.root().at("/Outputs/InvokeUrl/Value/Fn::Sub").asText())
                .isEqualTo("https://${RestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/invoke");
    }

    /** Issue 18: the instances find each other (DescribeInstances at boot) and talk on the data-grid port only among themselves. */
    @Test
    void instancesFindTheirDataGridPeersAndOnlyTheyReachTheGridPort() {
        assertThat(CfnTemplate.statements(template.properties("InstancePolicy").path("PolicyDocument")))
                .anySatisfy(statement -> assertThat(statement.toString()).contains("ec2:DescribeInstances"));
        JsonNode ingress = template.properties("InstanceIngressDataGrid");
        assertThat(ingress.at("/SourceSecurityGroupId/Ref").asText()).isEqualTo("InstanceSecurityGroup");
        assertThat(ingress.at("/GroupId/Ref").asText()).isEqualTo("InstanceSecurityGroup");
        JsonNode egress = template.properties("InstanceEgressDataGrid");
        assertThat(egress.at("/DestinationSecurityGroupId/Ref").asText()).isEqualTo("InstanceSecurityGroup");
        assertThat(List.of(ingress.path("FromPort").asInt(), ingress.path("ToPort").asInt(),
                egress.path("FromPort").asInt(), egress.path("ToPort").asInt())).containsOnly(6900);
        String userData = template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();
        assertThat(userData).contains("AUDITGATE_HZ_PORT=6900", "--startport \"$AUDITGATE_HZ_PORT\"",
                "Name=tag:aws:autoscaling:groupName,Values=$AUDITGATE_ASG");
    }

    @Test
    void securityGroupsOpenOnlyVpcLinkToAlbToAppPortAndTheDataGridAmongInstances() {
        List<String> ingress = new ArrayList<>();
        for (String id : template.logicalIdsOfType("AWS::EC2::SecurityGroupIngress")) {
            JsonNode rule = template.properties(id);
            assertThat(rule.has("CidrIp") || rule.has("CidrIpv6")).as(id).isFalse();
            ingress.add(rule.at("/SourceSecurityGroupId/Ref").asText() + "->" + rule.at("/GroupId/Ref").asText()
                    + ":" + rule.path("FromPort").asText() + "-" + rule.path("ToPort").asText());
        }
        for (String id : template.logicalIdsOfType("AWS::EC2::SecurityGroup")) {
            assertThat(template.properties(id).has("SecurityGroupIngress")).as(id).isFalse();
        }

        assertThat(ingress).containsExactlyInAnyOrder(
                "VpcLinkSecurityGroup->AlbSecurityGroup:443-443",
                "AlbSecurityGroup->InstanceSecurityGroup:8080-8080",
                "InstanceSecurityGroup->InstanceSecurityGroup:6900-6900",
                "InstanceSecurityGroup->EndpointSecurityGroup:443-443");
    }

    @Test
    void loadBalancerChecksHealthReadyAndTheGroupDrainsThroughATerminatingLifecycleHook() {
        JsonNode group = template.properties("AutoScalingGroup");

        assertThat(template.properties("TargetGroup").path("HealthCheckPath").asText()).isEqualTo("/health/ready");
        assertThat(group.path("HealthCheckType").asText()).isEqualTo("EC2");
        assertThat(group.at("/LifecycleHookSpecificationList/0/LifecycleTransition").asText())
                .isEqualTo("autoscaling:EC2_INSTANCE_TERMINATING");
        assertThat(template.properties("ScaleOnRequestsPerTarget").path("PolicyType").asText()).isEqualTo("TargetTrackingScaling");
        assertThat(template.root().at("/Parameters/MinSize/MinValue").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void loadBalancerRefusesAmbiguouslyFramedRequestsAndInvalidHeaders() {
        var attributes = new HashMap<String, String>();
        template.properties("LoadBalancer").path("LoadBalancerAttributes")
                .forEach(a -> attributes.put(a.path("Key").asText(), a.path("Value").asText()));

        assertThat(attributes).containsEntry("routing.http.desync_mitigation_mode", "strictest")
                .containsEntry("routing.http.drop_invalid_header_fields.enabled", "true");
    }

    @Test
    void everyAlarmNotifiesTheTopic() {
        List<String> alarms = template.logicalIdsOfType("AWS::CloudWatch::Alarm");

        assertThat(alarms).contains("Api5xxRateAlarm", "LatencyP99Alarm", "AuditBacklogAlarm", "UnhealthyHostsAlarm");
        assertThat(alarms).allSatisfy(a -> assertThat(template.properties(a).at("/AlarmActions/0/Ref").asText()).isEqualTo("AlarmTopic"));
    }

    @Test
    void everyFreeTextParameterIsConstrained() {
        template.root().path("Parameters").fields().forEachRemaining(p -> {
            String type = p.getValue().path("Type").asText();
            if (type.equals("String") || type.equals("CommaDelimitedList")) {
                assertThat(p.getValue().has("AllowedPattern") || p.getValue().has("AllowedValues")).as(p.getKey()).isTrue();
            }
        });
    }

    private List<JsonNode> instanceRoleStatements() {
        List<JsonNode> statements = new ArrayList<>();
        JsonNode role = template.properties("InstanceRole");
        for (JsonNode inline : role.path("Policies")) {
            statements.addAll(CfnTemplate.statements(inline.path("PolicyDocument")));
        }
        for (JsonNode managed : role.path("ManagedPolicyArns")) {
            assertThat(managed.has("Ref")).as("only this stack's managed policies: " + managed).isTrue();
            statements.addAll(CfnTemplate.statements(template.properties(managed.get("Ref").asText()).path("PolicyDocument")));
        }
        for (String id : template.logicalIdsOfType("AWS::IAM::Policy")) {
            if (template.properties(id).path("Roles").toString().contains("InstanceRole")) {
                statements.addAll(CfnTemplate.statements(template.properties(id).path("PolicyDocument")));
            }
        }
        return statements;
    }
}
