package io.auditgate.tenant;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a model id can be served only inside a tenant's pinned Regions ({@code allowed_regions}). Plain model ids
 * run in the gateway's own Bedrock Region; a cross-Region inference profile ({@code us.}, {@code eu.}, {@code apac.},
 * ..., as an id or in an {@code inference-profile/} ARN) may run anywhere in its geography ({@link Geographies}) and
 * {@code global.} anywhere at all; an application inference profile cannot be resolved offline, so it passes only when
 * its ARN's Region is pinned and the operator, by listing it for a pinned tenant, vouches that it copies a model or
 * profile inside the pins (docs/tenants.md); any other ARN runs in its own Region. An unpinned tenant (no Regions)
 * may use anything. Reasons name only fixed data (geographies, Regions), never client text.
 */
public final class RegionPins {

    private RegionPins() {
    }

    /**
     * Why {@code model} could be served outside {@code pinned}, or empty if it cannot.
     *
     * @param gatewayRegion the Region the gateway calls Bedrock in (plain ids run there); null when unknown (at load)
     *                      skips the check of plain ids
     */
    public static Optional<String> outside(String model, Set<String> pinned, String gatewayRegion) {
        if (pinned.isEmpty()) {
            return Optional.empty();
        }
        if (model.startsWith("arn:")) {
            return arn(model, pinned);
        }
        var geography = Geographies.of(model);
        if (geography.isPresent()) {
            return geography(geography.get(), pinned);
        }
        if (gatewayRegion != null && !pinned.contains(gatewayRegion)) {
            return Optional.of("This gateway calls Bedrock in " + gatewayRegion + ", outside this tenant's Regions "
                    + new TreeSet<>(pinned) + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> geography(String geography, Set<String> pinned) {
        if (Geographies.GLOBAL.equals(geography)) {
            return Optional.of("Global inference profiles (global.) may route to any commercial Region, outside this "
                    + "tenant's Regions " + new TreeSet<>(pinned) + ".");
        }
        var outside = new TreeSet<>(Geographies.SPANS.get(geography));
        outside.removeAll(pinned);
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Inference profiles of the geography " + geography + ". may route to " + outside
                + ", outside this tenant's Regions " + new TreeSet<>(pinned) + ".");
    }

    /** {@code arn:PARTITION:bedrock:REGION:ACCOUNT:TYPE/ID}. */
    private static Optional<String> arn(String arn, Set<String> pinned) {
        var parts = arn.split(":", 6);
        if (parts.length < 6 || parts[3].isEmpty()) {
            return Optional.of("The ARN names no Region, so where it runs cannot be checked against this tenant's "
                    + "Regions " + new TreeSet<>(pinned) + ".");
        }
        var region = parts[3];
        var resource = parts[5];
        if (resource.startsWith("inference-profile/")) {
            var geography = Geographies.of(resource.substring("inference-profile/".length()));
            if (geography.isPresent()) {
                return geography(geography.get(), pinned);
            }
        }
        if (!pinned.contains(region)) {
            return Optional.of("The ARN's Region " + region + " is outside this tenant's Regions "
                    + new TreeSet<>(pinned) + ".");
        }
        return Optional.empty();
    }
}
