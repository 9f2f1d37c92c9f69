package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the keys of a resource entry beside its {@code Properties}: only the resource attributes CloudFormation knows
 * ({@code DependsOn}, {@code DeletionPolicy}, ...), their policy values, and the option names inside
 * {@code UpdatePolicy} and {@code CreationPolicy}. The specification database does not describe these, so they are
 * written down here from the CloudFormation template reference.
 */
final class ResourceOptionsCheck {

    private static final Set<String> KEYS = Set.of("Type", "Properties", "Metadata", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> DELETION_POLICIES = Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
    private static final Set<String> REPLACE_POLICIES = Set.of("Delete", "Retain", "Snapshot");
    /** Options and, where an option is a struct, its field names; an empty set means a plain value. */
    private static final Map<String, Set<String>> UPDATE_POLICY = Map.of(
            "AutoScalingReplacingUpdate", Set.of("WillReplace"),
            "AutoScalingRollingUpdate", Set.of("MaxBatchSize", "MinActiveInstancesPercent", "MinInstancesInService",
                    "MinSuccessfulInstancesPercent", "PauseTime", "SuspendProcesses", "WaitOnResourceSignals"),
            "AutoScalingScheduledAction", Set.of("IgnoreUnmodifiedGroupSizeProperties"),
            "CodeDeployLambdaAliasUpdate", Set.of("AfterAllowTrafficHook", "ApplicationName", "BeforeAllowTrafficHook",
                    "DeploymentGroupName"),
            "EnableVersionUpgrade", Set.of(),
            "UseOnlineResharding", Set.of());
    private static final Map<String, Set<String>> CREATION_POLICY = Map.of(
            "AutoScalingCreationPolicy", Set.of("MinSuccessfulInstancesPercent"),
            "ResourceSignal", Set.of("Count", "Timeout"),
            "StartFleet", Set.of());

    private ResourceOptionsCheck() {
    }

    static List<Finding> check(String logicalId, JsonNode resource) {
        List<Finding> findings = new ArrayList<>();
        resource.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                findings.add(new Finding(logicalId + "." + key, "unknown resource attribute; allowed: " + new TreeSet<>(KEYS)));
            }
        });
        checkValue(findings, logicalId + ".DeletionPolicy", resource.path("DeletionPolicy"), DELETION_POLICIES);
        checkValue(findings, logicalId + ".UpdateReplacePolicy", resource.path("UpdateReplacePolicy"), REPLACE_POLICIES);
        checkOptions(findings, logicalId + ".UpdatePolicy", resource.path("UpdatePolicy"), UPDATE_POLICY);
        checkOptions(findings, logicalId + ".CreationPolicy", resource.path("CreationPolicy"), CREATION_POLICY);
        return findings;
    }

    private static void checkValue(List<Finding> findings, String path, JsonNode value, Set<String> allowed) {
        if (value.isTextual() && !allowed.contains(value.asText())) {
            findings.add(new Finding(path, "'" + value.asText() + "' is not one of " + new TreeSet<>(allowed)));
        }
    }

    private static void checkOptions(List<Finding> findings, String path, JsonNode policy, Map<String, Set<String>> options) {
        policy.fields().forEachRemaining(option -> {
            Set<String> fields = options.get(option.getKey());
            if (fields == null) {
                findings.add(new Finding(path + "." + option.getKey(), "unknown option; allowed: " + new TreeSet<>(options.keySet())));
            } else if (!fields.isEmpty()) {
                option.getValue().fieldNames().forEachRemaining(field -> {
                    if (!fields.contains(field)) {
                        findings.add(new Finding(path + "." + option.getKey() + "." + field, "unknown field of " + option.getKey()));
                    }
                });
            }
        });
    }
}
