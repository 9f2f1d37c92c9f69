package io.auditgate.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where Bedrock's cross-Region (system-defined) inference profiles may send a request, by the geography prefix of
 * their id ({@code eu.anthropic...}): the widest set of destination Regions AWS documents for the geography, whatever
 * the model, because a tenant pinned to Regions must never be routed outside them. {@code global.} may go to any
 * commercial Region and has no set. Sources and date: docs/tenants.md ("Region pinning"). A geography Bedrock adds
 * later is unknown here and its ids read as plain model ids; add it here when AWS documents it.
 */
final class Geographies {

    /** Destination Regions per geography prefix; {@code global} is absent on purpose (anywhere). */
    static final Map<String, Set<String>> SPANS = Map.of(
            "us", Set.of("us-east-1", "us-east-2", "us-west-1", "us-west-2"),
            "us-gov", Set.of("us-gov-east-1", "us-gov-west-1"),
            "eu", Set.of("eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
                    "eu-south-1", "eu-south-2"),
            "apac", Set.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
                    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
                    "ap-southeast-7", "ap-east-2", "me-central-1"),
            "jp", Set.of("ap-northeast-1", "ap-northeast-3"),
            "au", Set.of("ap-southeast-2", "ap-southeast-4"));

    static final String GLOBAL = "global";

    private Geographies() {
    }

    /** The geography prefix of a system-defined inference profile id, if {@code id} is one. */
    static Optional<String> of(String id) {
        var dot = id.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        var prefix = id.substring(0, dot);
        return SPANS.containsKey(prefix) || GLOBAL.equals(prefix) ? Optional.of(prefix) : Optional.empty();
    }
}
