package io.auditgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionPinsTest {

    private static final Set<String> EU_PAIR = Set.of("eu-central-1", "eu-west-1");
    private static final Set<String> ALL_EU = Geographies.SPANS.get("eu");
    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    @Test
    void anUnpinnedTenantMayUseAnyModelAnywhere() {
        assertThat(RegionPins.outside("global." + HAIKU, Set.of(), "us-east-1")).isEmpty();
        assertThat(RegionPins.outside("us." + HAIKU, Set.of(), "eu-west-1")).isEmpty();
    }

    @Test
    void aPlainModelIdRunsInTheGatewaysRegion() {
        assertThat(RegionPins.outside(HAIKU, EU_PAIR, "eu-west-1")).isEmpty();
        assertThat(RegionPins.outside(HAIKU, EU_PAIR, "us-east-1")).get().asString()
                .contains("us-east-1").contains("[eu-central-1, eu-west-1]");
    }

    @Test
    void aPlainModelIdIsNotJudgedWithoutTheGatewaysRegion() {
        assertThat(RegionPins.outside(HAIKU, EU_PAIR, null)).isEmpty();
    }

    @Test
    void aGeographyProfilePassesOnlyIfEveryRegionItMayRouteToIsPinned() {
        assertThat(RegionPins.outside("eu." + HAIKU, ALL_EU, "eu-west-1")).isEmpty();
        assertThat(RegionPins.outside("eu." + HAIKU, EU_PAIR, "eu-west-1")).get().asString()
                .contains("geography eu.").contains("eu-west-3").doesNotContain("eu-west-1,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us.", "apac.", "jp.", "au.", "us-gov."})
    void anotherGeographyIsRefusedToAnEuPinnedTenant(String prefix) {
        assertThat(RegionPins.outside(prefix + HAIKU, ALL_EU, "eu-west-1")).get().asString()
                .contains("geography " + prefix);
    }

    @Test
    void apacReachesTheMiddleEast() {
        assertThat(Geographies.SPANS.get("apac")).contains("me-central-1");
    }

    @Test
    void globalIsRefusedToEveryPinnedTenant() {
        assertThat(RegionPins.outside("global." + HAIKU, ALL_EU, "eu-west-1")).get().asString()
                .contains("any commercial Region");
    }

    @Test
    void aSystemProfileArnIsJudgedByItsGeography() {
        var arn = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/us." + HAIKU;
        assertThat(RegionPins.outside(arn, ALL_EU, "eu-west-1")).get().asString().contains("geography us.");
        assertThat(RegionPins.outside("arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu." + HAIKU,
                ALL_EU, "eu-west-1")).isEmpty();
    }

    @Test
    void anApplicationProfilePassesOnlyInAPinnedRegion() {
        var pinned = "arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
        var elsewhere = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
        assertThat(RegionPins.outside(pinned, EU_PAIR, "eu-west-1")).isEmpty();
        assertThat(RegionPins.outside(elsewhere, EU_PAIR, "eu-west-1")).get().asString().contains("us-east-1");
    }

    @Test
    void anArnWithoutARegionIsRefused() {
        assertThat(RegionPins.outside("arn:aws:bedrock::123456789012:foundation-model/x", EU_PAIR, "eu-west-1"))
                .isPresent();
    }

    @Test
    void aProviderIsNotAGeography() {
        assertThat(Geographies.of("amazon.titan-text-express-v1")).isEmpty();
        assertThat(Geographies.of("eu.amazon.nova-pro-v1:0")).contains("eu");
    }
}
